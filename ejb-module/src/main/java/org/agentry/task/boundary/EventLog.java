package org.agentry.task.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.agentry.platform.boundary.PlatformStartup;
import org.agentry.platform.control.Database;
import org.agentry.platform.control.DatabaseKind;
import org.agentry.task.control.EventWatermark.Activity;
import org.agentry.task.entity.TaskEvent;

/**
 * The reads behind the event streams' shared poller: the events above an id, and what the database
 * says about open transactions (for {@link org.agentry.task.control.EventWatermark}). Runs without
 * a transaction so that every statement sees what has committed by then.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventLog {

  private static final String POSTGRES_ACTIVITY =
      "SELECT clock_timestamp(), count(*) FILTER (WHERE xact_start IS NOT NULL),"
          + " min(xact_start), count(*) FILTER (WHERE state IS NULL)"
          + " FROM pg_stat_activity WHERE datname = current_database()"
          + " AND backend_type = 'client backend' AND pid <> pg_backend_pid()";

  private static final String H2_ACTIVITY =
      "SELECT CURRENT_TIMESTAMP, COUNT(*) FILTER (WHERE CONTAINS_UNCOMMITTED),"
          + " (SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER)"
          + " FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()";

  @PersistenceContext EntityManager em;

  @Resource(lookup = PlatformStartup.DATASOURCE)
  DataSource dataSource;

  @Inject Database database;

  /** The highest event id stored now, 0 when there is none. */
  public long lastId() {
    var max = em.createQuery("SELECT MAX(e.id) FROM TaskEvent e", Long.class).getSingleResult();
    return max == null ? 0 : max;
  }

  /** Up to {@code limit} events with ids above {@code after}, of every task, in id order. */
  public List<TaskEvent> after(long after, int limit) {
    return em.createQuery(
            "SELECT e FROM TaskEvent e WHERE e.id > :after ORDER BY e.id", TaskEvent.class)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * The tenant of each task (or goal, or workflow run) these events belong to, in one query (one
   * more for each of goal and run events among them); a deleted task's events have none.
   *
   * @return task id to tenant
   */
  public java.util.Map<String, String> tenantsOf(List<TaskEvent> events) {
    var tenants = new java.util.HashMap<String, String>();
    var ids = events.stream().map(TaskEvent::getTaskId).distinct().toList();
    // a goal's and a workflow run's own events are stored under its id (see those features)
    for (var owner : List.of("Task", "Goal", "WorkflowRun")) {
      var left = ids.stream().filter(id -> !tenants.containsKey(id)).toList();
      for (int i = 0; i < left.size(); i += 500) {
        em.createQuery(
                "SELECT o.id, o.tenant FROM " + owner + " o WHERE o.id IN :ids", Object[].class)
            .setParameter("ids", left.subList(i, Math.min(left.size(), i + 500)))
            .getResultStream()
            .forEach(row -> tenants.put((String) row[0], (String) row[1]));
      }
    }
    return tenants;
  }

  /**
   * Whether other connections have transactions open, and since when: PostgreSQL's {@code
   * pg_stat_activity} (PostgreSQL documentation, "The Cumulative Statistics System"), H2's {@code
   * INFORMATION_SCHEMA.SESSIONS}. Unknown when the database does not let this user see them.
   *
   * @param poll the number of the scan this follows
   */
  public Activity activity(long poll) {
    try (var connection = dataSource.getConnection();
        var statement =
            connection.prepareStatement(
                database.kind() == DatabaseKind.POSTGRESQL ? POSTGRES_ACTIVITY : H2_ACTIVITY);
        var rows = statement.executeQuery()) {
      if (!rows.next()) {
        return Activity.unknown(poll);
      }
      var now = rows.getTimestamp(1).toInstant();
      long open = rows.getLong(2);
      if (database.kind() == DatabaseKind.POSTGRESQL) {
        Timestamp oldest = rows.getTimestamp(3);
        if (rows.getLong(4) > 0) {
          return Activity.unknown(poll); // rows of other users: their transactions are hidden
        }
        return new Activity(poll, now, true, open > 0, oldest == null ? null : oldest.toInstant());
      }
      if (!rows.getBoolean(3)) {
        return Activity.unknown(poll); // H2 shows other sessions to administrators only
      }
      return new Activity(poll, now, true, open > 0, null);
    } catch (SQLException e) {
      return Activity.unknown(poll);
    }
  }
}
