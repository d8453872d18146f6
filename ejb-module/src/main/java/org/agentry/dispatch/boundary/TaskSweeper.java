package org.agentry.dispatch.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.budget.boundary.Budgets;
import org.agentry.dispatch.control.NodeDrain;
import org.agentry.dispatch.control.TaskRunner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's clock for tasks, on non-persistent EJB timers (persistent ones do not survive a lone
 * Payara Micro's restart). Every 5 seconds it re-queues tasks whose lease expired (a node died),
 * counting attempts, and sends runnable queued tasks that no message carries: delayed tasks that
 * came due, and tasks whose message was lost or dropped (older than {@code
 * agentry.dispatch.requeue-after-seconds}, default 120); and it gives back budget reservations that
 * expired unsettled ({@code agentry.budget.reservation-seconds}). Its first sweep after a start
 * sends every runnable queued task, as a crash may have lost their messages.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskSweeper {

  private static final Logger LOG = Logger.getLogger(TaskSweeper.class.getName());
  private static final int BATCH = 100;

  @Inject Leases leases;
  @Inject NodeDrain drain;
  @Inject Budgets budgets;
  @Inject TaskDispatch dispatch;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.requeue-after-seconds", defaultValue = "120")
  int requeueAfterSeconds;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.concurrency", defaultValue = "8")
  int concurrency;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.stall-seconds", defaultValue = "20")
  int stallSeconds;

  @Inject TaskRunner runner;
  @Inject TaskFallback fallback;

  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile boolean started;

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!busy.compareAndSet(false, true)) {
      return; // the previous sweep is still going
    }
    try {
      expireLeases();
      releaseReservations();
      sendRunnable();
      runStalled();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Task sweep failed; the next one tries again", e);
    } finally {
      busy.set(false);
    }
  }

  private void expireLeases() {
    for (var id : leases.expired(BATCH)) {
      try {
        leases.expire(id);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Lease of task " + id + " taken by another node", e);
      }
    }
  }

  /**
   * The database is the source of truth, JMS only the fast path: when runnable tasks have waited
   * past {@code agentry.dispatch.stall-seconds} (default 20) since their message was sent and this
   * node's consumers are idle, run them here, highest priority first, up to the free concurrency.
   */
  private void runStalled() {
    if (dispatch.paused() || drain.draining()) {
      return;
    }
    int free = concurrency - runner.runningCount();
    if (free <= 0) {
      return;
    }
    var stalled = Instant.now().minusSeconds(stallSeconds);
    dispatch.runnable(stalled, free).forEach(fallback::run);
  }

  /** Budget reservations whose model call never settled them (its node died) go back. */
  private void releaseReservations() {
    for (var id : budgets.expiredReservations(Instant.now(), BATCH)) {
      try {
        budgets.release(id);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Reservation " + id + " released by another node", e);
      }
    }
  }

  private void sendRunnable() {
    if (dispatch.paused() || drain.draining()) {
      return;
    }
    // after a start, send every runnable task once: a crash may have lost messages
    var stale = started ? Instant.now().minusSeconds(requeueAfterSeconds) : Instant.now();
    dispatch.send(dispatch.runnable(stale, started ? BATCH : Integer.MAX_VALUE));
    started = true;
  }
}
