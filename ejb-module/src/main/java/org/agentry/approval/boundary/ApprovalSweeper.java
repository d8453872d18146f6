package org.agentry.approval.boundary;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 5 seconds (a non-persistent EJB timer on each node), expires the pending approvals whose
 * {@code agentry.approvals.expiry} ran out, each in its own transaction; a row another node expired
 * first is skipped.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApprovalSweeper {

  private static final Logger LOG = Logger.getLogger(ApprovalSweeper.class.getName());
  private static final int BATCH = 100;

  @Inject Approvals approvals;
  @Inject Clock clock;

  private final AtomicBoolean busy = new AtomicBoolean();

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    try {
      for (var id : approvals.expired(clock.instant(), BATCH)) {
        try {
          approvals.expire(id);
        } catch (RuntimeException e) {
          LOG.log(Level.FINE, "Approval " + id + " decided elsewhere", e);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Approval sweep failed; the next one tries again", e);
    } finally {
      busy.set(false);
    }
  }
}
