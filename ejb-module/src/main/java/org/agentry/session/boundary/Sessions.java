package org.agentry.session.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.session.entity.Message;
import org.agentry.session.entity.Session;
import org.agentry.tool.entity.ToolCallRecord;
import org.agentry.usage.entity.UsageRecord;

/** Reading and managing sessions. */
@Stateless
public class Sessions {

  /** A page of results and the total count. */
  public record Page<T>(List<T> items, long total) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * Sessions, newest first.
   *
   * @param agent only this agent's sessions, or null for all
   * @param offset how many to skip
   * @param limit most to return
   */
  public Page<Session> list(String agent, int offset, int limit) {
    var where = agent == null ? "" : " WHERE s.agentName = :agent";
    var query =
        em.createQuery(
            "SELECT s FROM Session s" + where + " ORDER BY s.createdAt DESC, s.id", Session.class);
    var count = em.createQuery("SELECT COUNT(s) FROM Session s" + where, Long.class);
    if (agent != null) {
      query.setParameter("agent", agent);
      count.setParameter("agent", agent);
    }
    var items = query.setFirstResult(offset).setMaxResults(limit).getResultList();
    return new Page<>(items, count.getSingleResult());
  }

  /**
   * The session.
   *
   * @throws UnknownResourceException if there is none
   */
  public Session get(String id) {
    var session = id == null ? null : em.find(Session.class, id);
    if (session == null) {
      throw new UnknownResourceException("session", id);
    }
    return session;
  }

  /** The session's messages with ids above {@code after}, oldest first, at most {@code limit}. */
  public List<Message> messages(String id, long after, int limit) {
    get(id);
    return em.createNamedQuery(Message.FIND_BY_SESSION, Message.class)
        .setParameter("session", id)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The usage records of the session's model calls, oldest first. */
  public List<UsageRecord> usage(String id) {
    return em.createNamedQuery(UsageRecord.FIND_BY_SESSION, UsageRecord.class)
        .setParameter("session", id)
        .getResultList();
  }

  /** The session's tool calls, oldest first. */
  public List<ToolCallRecord> toolCalls(String id) {
    return em.createNamedQuery(ToolCallRecord.FIND_BY_SESSION, ToolCallRecord.class)
        .setParameter("session", id)
        .getResultList();
  }

  /** Deletes the session and its messages; usage and tool-call records stay for metering. */
  public void delete(String id) {
    var session = get(id);
    em.createNamedQuery(Message.DELETE_BY_SESSION).setParameter("session", id).executeUpdate();
    em.remove(session);
  }

  /**
   * Kills the session: it takes no further turns.
   *
   * @throws StateConflictException {@code SESSION_KILLED} if it was killed already
   */
  public Session kill(String id) {
    var session = get(id);
    if (!session.isActive()) {
      throw new StateConflictException("SESSION_KILLED", "The session was killed already.");
    }
    session.kill(clock.instant());
    return session;
  }
}
