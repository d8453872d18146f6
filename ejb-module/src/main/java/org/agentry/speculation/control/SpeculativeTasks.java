package org.agentry.speculation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.agentry.platform.entity.Jsons;
import org.agentry.session.entity.Message;
import org.agentry.task.control.TaskEnded;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskStatus;

/**
 * The background task of a speculative chat turn, coordinated by {@code
 * speculative:<sessionId>:<messageId>} where the message is the user's. Its run sees the session
 * only up to that message (not the fast model's answer after it), and its final answer is appended
 * to the session as a follow-up assistant message. Its end adds a {@value #FOLLOWUP} task event.
 */
@ApplicationScoped
public class SpeculativeTasks {

  /** The coordinator prefix of a speculative task. */
  public static final String KIND = "speculative:";

  /** The event type saying the full answer was appended to the session (or why not). */
  public static final String FOLLOWUP = "speculative.followup";

  /**
   * The data of a {@value #FOLLOWUP} event.
   *
   * @param status the task's end: {@code completed}, {@code failed} or {@code cancelled}
   * @param content the follow-up message's text, when completed
   */
  public record Followup(String sessionId, String status, String content) {}

  @Inject TaskEvents events;

  /** The coordinator of the background task answering the user's message {@code messageId}. */
  public static String coordinator(String sessionId, long messageId) {
    return KIND + sessionId + ":" + messageId;
  }

  /**
   * The history a task's run starts from: for a speculative task the messages up to the user's
   * message it answers, else all of them.
   */
  public static List<Message> historyFor(Task task, List<Message> history) {
    var coordinator = task.getCoordinator();
    if (coordinator == null || !coordinator.startsWith(KIND)) {
      return history;
    }
    long last;
    try {
      last = Long.parseLong(coordinator.substring(coordinator.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      return history;
    }
    return history.stream().filter(m -> m.getId() != null && m.getId() <= last).toList();
  }

  void onEnded(@Observes TaskEnded ended) {
    var task = ended.task();
    var coordinator = task.getCoordinator();
    if (coordinator == null || !coordinator.startsWith(KIND)) {
      return;
    }
    var content = task.getStatus() == TaskStatus.COMPLETED ? task.getOutput() : null;
    var data = new Followup(task.getSessionId(), task.getStatus().apiName(), content);
    events.append(task.getId(), task.getAgent(), FOLLOWUP, Jsons.jsonb().toJson(data));
  }
}
