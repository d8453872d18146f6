package org.agentry.session.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.agentry.audit.control.AuditLog;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.session.entity.Message;
import org.agentry.session.entity.Session;
import org.agentry.session.entity.SessionStatus;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tool.entity.ToolCallRecord;

/** Reading and managing sessions. */
@Stateless
public class Sessions {

  @Inject AuditLog audit;

  /** A page of results and the total count. */
  public record Page<T>(List<T> items, long total) {}

  @PersistenceContext EntityManager em;

  @Inject CallerTenant tenant;

  @Inject Clock clock;

  /**
   * Sessions, newest first.
   *
   * @param agent only this agent's sessions, or null for all
   * @param offset how many to skip
   * @param limit most to return
   */
  public Page<Session> list(String agent, int offset, int limit) {
    return list(agent, null, offset, limit);
  }

  /**
   * Sessions (threads), newest first.
   *
   * @param agent only this agent's sessions, or null for all
   * @param status only sessions in this state, or null for all
   * @param offset how many to skip
   * @param limit most to return
   */
  public Page<Session> list(String agent, SessionStatus status, int offset, int limit) {
    var conditions = new ArrayList<String>();
    conditions.add("s.tenant = :tenant");
    if (agent != null) {
      conditions.add("s.agentName = :agent");
    }
    if (status != null) {
      conditions.add("s.status = :status");
    }
    var where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    var query =
        em.createQuery(
            "SELECT s FROM Session s" + where + " ORDER BY s.createdAt DESC, s.id", Session.class);
    var count = em.createQuery("SELECT COUNT(s) FROM Session s" + where, Long.class);
    query.setParameter("tenant", tenant.id());
    count.setParameter("tenant", tenant.id());
    if (agent != null) {
      query.setParameter("agent", agent);
      count.setParameter("agent", agent);
    }
    if (status != null) {
      query.setParameter("status", status);
      count.setParameter("status", status);
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
    if (session == null || !session.getTenant().equals(tenant.id())) {
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

  /**
   * Sums over the session's model calls, computed by the database.
   *
   * @param costUsd USD
   * @param calls model calls
   */
  public record UsageTotals(
      long promptTokens, long completionTokens, BigDecimal costUsd, long calls) {}

  /** A position in the session's tool calls: the last one seen. */
  public record ToolCallPosition(Instant createdAt, String id) {}

  /** The totals of the session's usage records, summed by the database. */
  public UsageTotals usage(String id) {
    var row =
        em.createQuery(
                "SELECT COUNT(u), SUM(u.promptTokens), SUM(u.completionTokens), SUM(u.costUsd)"
                    + " FROM UsageRecord u WHERE u.sessionId = :session",
                Object[].class)
            .setParameter("session", id)
            .getSingleResult();
    return new UsageTotals(
        row[1] == null ? 0 : ((Number) row[1]).longValue(),
        row[2] == null ? 0 : ((Number) row[2]).longValue(),
        row[3] == null ? BigDecimal.ZERO : ((BigDecimal) row[3]).stripTrailingZeros(),
        ((Number) row[0]).longValue());
  }

  /**
   * A page of the session's tool calls, oldest first (by creation time, then id).
   *
   * @param after the last tool call of the previous page, or null for the first page
   * @param limit most to return
   */
  public List<ToolCallRecord> toolCalls(String id, ToolCallPosition after, int limit) {
    var jpql =
        "SELECT t FROM ToolCallRecord t WHERE t.sessionId = :session"
            + (after == null
                ? ""
                : " AND (t.createdAt > :at OR (t.createdAt = :at AND t.id > :id))")
            + " ORDER BY t.createdAt, t.id";
    var query = em.createQuery(jpql, ToolCallRecord.class).setParameter("session", id);
    if (after != null) {
      query.setParameter("at", after.createdAt()).setParameter("id", after.id());
    }
    return query.setMaxResults(limit).getResultList();
  }

  /** How many messages the session holds. */
  public long messageCount(String id) {
    return em.createQuery("SELECT COUNT(m) FROM Message m WHERE m.sessionId = :session", Long.class)
        .setParameter("session", id)
        .getSingleResult();
  }

  /**
   * The agents that sent messages into the session ({@code POST /api/v1/inject} with {@code from}),
   * by name; the session's own agent is not among them unless it sent one itself.
   */
  public List<String> senders(String id) {
    return em.createQuery(
            "SELECT DISTINCT m.sender FROM Message m WHERE m.sessionId = :session"
                + " AND m.sender IS NOT NULL ORDER BY m.sender",
            String.class)
        .setParameter("session", id)
        .getResultList();
  }

  /**
   * Messages across sessions, newest first.
   *
   * @param agent only messages of this agent's sessions and messages it sent into others', or null
   *     for all
   * @param offset how many to skip
   * @param limit most to return
   */
  public Page<Message> messagesAcross(String agent, int offset, int limit) {
    var where =
        " WHERE m.sessionId IN (SELECT s.id FROM Session s WHERE s.tenant = :tenant)"
            + (agent == null
                ? ""
                : " AND (m.sender = :agent OR m.sessionId IN"
                    + " (SELECT s2.id FROM Session s2 WHERE s2.agentName = :agent))");
    var query =
        em.createQuery("SELECT m FROM Message m" + where + " ORDER BY m.id DESC", Message.class);
    var count = em.createQuery("SELECT COUNT(m) FROM Message m" + where, Long.class);
    query.setParameter("tenant", tenant.id());
    count.setParameter("tenant", tenant.id());
    if (agent != null) {
      query.setParameter("agent", agent);
      count.setParameter("agent", agent);
    }
    var items = query.setFirstResult(offset).setMaxResults(limit).getResultList();
    return new Page<>(items, count.getSingleResult());
  }

  /** Deletes the session and its messages; usage and tool-call records stay for metering. */
  public void delete(String id) {
    audit.record("session.delete", "session", id);
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
    audit.record("session.kill", "session", id);
    var session = get(id);
    if (!session.isActive()) {
      throw new StateConflictException("SESSION_KILLED", "The session was killed already.");
    }
    session.kill(clock.instant());
    return session;
  }
}
