package org.agentry.audit.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.audit.control.AuditRetention;

/**
 * Every minute (a non-persistent EJB timer on each node: one indexed delete; nodes deleting the
 * same rows do no harm), deletes the audit rows older than {@code agentry.audit.retention}.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSweeper {

  private static final Logger LOG = Logger.getLogger(AuditSweeper.class.getName());

  @Inject AuditEvents events;
  @Inject AuditRetention retention;
  @Inject Clock clock;

  @Schedule(minute = "*", hour = "*", persistent = false)
  void tick() {
    try {
      int deleted = events.prune(retention.cutoff(clock.instant()));
      if (deleted > 0) {
        LOG.fine(() -> "Pruned " + deleted + " audit rows");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Audit pruning failed; the next run tries again", e);
    }
  }
}
