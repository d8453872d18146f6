package org.agentry.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.agentry.session.entity.Message;
import org.agentry.session.entity.MessageRole;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The part of a session's history a run sends to the model: at most the last {@code
 * agentry.run.history-max-messages} messages (default {@value #DEFAULT_MAX_MESSAGES}), read with
 * one bounded query in the caller's transaction.
 */
@ApplicationScoped
public class SessionHistory {

  /** Messages kept by default. */
  public static final int DEFAULT_MAX_MESSAGES = 100;

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "agentry.run.history-max-messages", defaultValue = "100")
  int maxMessages;

  /** The session's latest messages, oldest first, trimmed as {@link #window} says. */
  public List<Message> latest(String sessionId) {
    var newestFirst =
        em.createNamedQuery(Message.FIND_LATEST_BY_SESSION, Message.class)
            .setParameter("session", sessionId)
            .setMaxResults(maxMessages + 1) // one more tells whether anything was cut
            .getResultList();
    return window(newestFirst, maxMessages);
  }

  /**
   * The last {@code max} messages, oldest first, starting where a conversation may start: at the
   * first user message in them, so that no tool result is kept without the assistant message that
   * asked for it (nor a tool call without its results). When there is no user message in them (one
   * very long run of tool calls), the window starts at its first assistant message instead.
   *
   * @param newestFirst the session's messages, newest first, or at least the first {@code max + 1}
   *     of them; only the first {@code max} are kept
   * @param max positive
   */
  public static List<Message> window(List<Message> newestFirst, int max) {
    var kept = new ArrayList<>(newestFirst.subList(0, Math.min(max, newestFirst.size())));
    Collections.reverse(kept);
    if (newestFirst.size() <= max) {
      return kept; // the whole history: nothing was cut
    }
    int start = firstOf(kept, MessageRole.USER);
    if (start < 0) {
      start = firstOf(kept, MessageRole.ASSISTANT);
    }
    return start < 0 ? List.of() : kept.subList(start, kept.size());
  }

  private static int firstOf(List<Message> messages, MessageRole role) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).getRole() == role) {
        return i;
      }
    }
    return -1;
  }
}
