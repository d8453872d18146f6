package org.agentry.task.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.agentry.agent.entity.Agent;
import org.agentry.platform.entity.Jsons;
import org.agentry.session.entity.Message;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskEvent;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.entity.TenantKey;

/** Reading tasks: filtered pages, events, usage totals and the context of the last model call. */
@Stateless
public class TaskQueries {

  /** Totals over a task's model calls: count, tokens, USD. */
  public record Usage(long calls, long promptTokens, long completionTokens, BigDecimal costUsd) {}

  /**
   * The context of a task's last model call.
   *
   * @param systemPrompt the agent's system prompt, or null when the agent is gone
   * @param messages a page of the session's messages up to the call, oldest first
   */
  public record Context(String systemPrompt, List<Message> messages) {}

  /**
   * A position in the task list (in its order, newest or oldest first): the last task seen.
   *
   * @param createdAt its creation instant
   * @param id its id
   */
  public record Cursor(Instant createdAt, String id) {}

  @PersistenceContext EntityManager em;

  @Inject CallerTenant tenant;

  /**
   * The caller's tenant's tasks matching the filter, newest first, after the cursor (or from the
   * start).
   */
  public List<Task> list(TaskFilter filter, Cursor after, int limit) {
    return list(filter, after, limit, false);
  }

  /**
   * Tasks matching the filter by creation time (ties by id), after the cursor (or from the start).
   *
   * @param oldestFirst true: ascending, the cursor's successors are later; false: newest first
   */
  public List<Task> list(TaskFilter filter, Cursor after, int limit, boolean oldestFirst) {
    var where = new ArrayList<String>();
    var params = new HashMap<String, Object>();
    add(where, params, tenant.id(), "t.tenant = :tenant", "tenant");
    add(where, params, filter.agent(), "t.agent = :agent", "agent");
    add(where, params, filter.status(), "t.status = :status", "status");
    add(where, params, filter.priority(), "t.priority = :priority", "priority");
    add(
        where,
        params,
        filter.tag() == null ? null : Task.tagPattern(filter.tag()),
        "t.tags LIKE :tag ESCAPE '\\'",
        "tag");
    add(where, params, filter.createdFrom(), "t.createdAt >= :from", "from");
    add(where, params, filter.createdTo(), "t.createdAt < :to", "to");
    add(where, params, filter.parentTaskId(), "t.parentTaskId = :parent", "parent");
    if (after != null) {
      var beyond = oldestFirst ? ">" : "<";
      where.add(
          "(t.createdAt " + beyond + " :cAt OR (t.createdAt = :cAt AND t.id " + beyond + " :cId))");
      params.put("cAt", after.createdAt());
      params.put("cId", after.id());
    }
    var jpql =
        "SELECT t FROM Task t"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + (oldestFirst
                ? " ORDER BY t.createdAt, t.id"
                : " ORDER BY t.createdAt DESC, t.id DESC");
    var query = em.createQuery(jpql, Task.class).setMaxResults(limit);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  private static void add(
      List<String> where,
      HashMap<String, Object> params,
      Object value,
      String clause,
      String name) {
    if (value != null) {
      where.add(clause);
      params.put(name, value);
    }
  }

  /** The task's events with ids above {@code after}, oldest first. */
  public List<TaskEvent> events(String taskId, long after, int limit) {
    return em.createQuery(
            "SELECT e FROM TaskEvent e WHERE e.taskId = :task AND e.id > :after ORDER BY e.id",
            TaskEvent.class)
        .setParameter("task", taskId)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * The events of every task of the caller's tenant with ids above {@code after}, optionally of one
   * agent, oldest first.
   */
  public List<TaskEvent> allEvents(String agent, long after, int limit) {
    var jpql =
        "SELECT e FROM TaskEvent e, Task t WHERE t.id = e.taskId AND t.tenant = :tenant"
            + " AND e.id > :after"
            + (agent == null ? "" : " AND e.agent = :agent")
            + " ORDER BY e.id";
    var query =
        em.createQuery(jpql, TaskEvent.class)
            .setParameter("tenant", tenant.id())
            .setParameter("after", after);
    if (agent != null) {
      query.setParameter("agent", agent);
    }
    return query.setMaxResults(limit).getResultList();
  }

  /** The totals of the task's usage records. */
  public Usage usage(String taskId) {
    var row =
        em.createQuery(
                "SELECT COUNT(u), SUM(u.promptTokens), SUM(u.completionTokens), SUM(u.costUsd)"
                    + " FROM UsageRecord u WHERE u.taskId = :task",
                Object[].class)
            .setParameter("task", taskId)
            .getSingleResult();
    return new Usage(
        ((Number) row[0]).longValue(),
        row[1] == null ? 0 : ((Number) row[1]).longValue(),
        row[2] == null ? 0 : ((Number) row[2]).longValue(),
        row[3] == null ? BigDecimal.ZERO : ((BigDecimal) row[3]).stripTrailingZeros());
  }

  /**
   * A page of what the task's last model call was sent, or null when it made none: the session's
   * messages up to that call with ids above {@code after}, oldest first.
   *
   * @param after the id of the last message of the previous page, 0 for the first page
   * @param limit most messages to return
   */
  public Context context(Task task, long after, int limit) {
    var last =
        em.createQuery(
                "SELECT e FROM TaskEvent e WHERE e.taskId = :task AND e.type = :type"
                    + " ORDER BY e.id DESC",
                TaskEvent.class)
            .setParameter("task", task.getId())
            .setParameter("type", TaskEvents.MODEL_REQUEST)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (last.isEmpty() || task.getSessionId() == null) {
      return null;
    }
    long upTo;
    try (var reader = Jsons.createReader(new StringReader(last.get().getData()))) {
      var value = reader.readObject().get("lastMessageId");
      upTo = value instanceof JsonNumber n ? n.longValue() : Long.MAX_VALUE;
    }
    var messages =
        em.createQuery(
                "SELECT m FROM Message m WHERE m.sessionId = :session AND m.id > :after"
                    + " AND m.id <= :upTo ORDER BY m.id",
                Message.class)
            .setParameter("session", task.getSessionId())
            .setParameter("after", after)
            .setParameter("upTo", upTo)
            .setMaxResults(limit)
            .getResultList();
    var agent = em.find(Agent.class, new TenantKey(task.getTenant(), task.getAgent()));
    return new Context(agent == null ? null : agent.spec().systemPrompt(), messages);
  }
}
