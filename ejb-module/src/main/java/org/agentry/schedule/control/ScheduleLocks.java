package org.agentry.schedule.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.agentry.platform.boundary.PlatformStartup;
import org.agentry.platform.control.DatabaseKind;

/**
 * Claims a schedule's row for the caller's transaction, so that one node at a time handles its
 * slots. On PostgreSQL {@code SELECT … FOR UPDATE SKIP LOCKED}: a row another node holds is passed
 * over at once. On H2 (the embedded, single-node default) a plain {@code FOR UPDATE}, which waits
 * for the holder (a REST change of the same schedule) to commit.
 */
@ApplicationScoped
public class ScheduleLocks {

  @PersistenceContext EntityManager em;

  @Resource(lookup = PlatformStartup.DATASOURCE)
  DataSource dataSource;

  private volatile DatabaseKind kind;

  /**
   * Locks the schedule's row until the transaction ends.
   *
   * @return false if the row is gone, or (PostgreSQL) another transaction holds it
   */
  public boolean claim(String scheduleId) {
    return !em.createNativeQuery(sql(kind())).setParameter(1, scheduleId).getResultList().isEmpty();
  }

  /** The locking statement for a database, with the schedule id as parameter 1. */
  static String sql(DatabaseKind kind) {
    var select = "SELECT id FROM schedule WHERE id = ? FOR UPDATE";
    return kind == DatabaseKind.POSTGRESQL ? select + " SKIP LOCKED" : select;
  }

  private DatabaseKind kind() {
    if (kind == null) {
      try (var connection = dataSource.getConnection()) {
        kind = DatabaseKind.fromJdbcUrl(connection.getMetaData().getURL());
      } catch (SQLException e) {
        throw new IllegalStateException("database unreachable", e);
      }
    }
    return kind;
  }
}
