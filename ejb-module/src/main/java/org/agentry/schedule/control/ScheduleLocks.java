package org.agentry.schedule.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.agentry.platform.control.Database;
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

  @Inject Database database;

  /**
   * Locks the schedule's row until the transaction ends.
   *
   * @return false if the row is gone, or (PostgreSQL) another transaction holds it
   */
  public boolean claim(String scheduleId) {
    return !em.createNativeQuery(sql(database.kind()))
        .setParameter(1, scheduleId)
        .getResultList()
        .isEmpty();
  }

  /** The locking statement for a database, with the schedule id as parameter 1. */
  static String sql(DatabaseKind kind) {
    var select = "SELECT id FROM schedule WHERE id = ? FOR UPDATE";
    return kind == DatabaseKind.POSTGRESQL ? select + " SKIP LOCKED" : select;
  }
}
