package org.agentry.task.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
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
import org.agentry.task.control.NodeIdentity;
import org.agentry.task.control.TaskRunner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's clock for tasks, on non-persistent EJB timers (persistent ones do not survive a lone
 * Payara Micro's restart). Every 5 seconds it renews the leases of the tasks running here and
 * aborts the model calls of those cancelled; re-queues tasks whose lease expired (a node died),
 * counting attempts; and sends runnable queued tasks that no message carries: delayed tasks that
 * came due, and tasks whose message was lost or dropped (older than {@code
 * agentry.dispatch.requeue-after-seconds}, default 60).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskSweeper {

  private static final Logger LOG = Logger.getLogger(TaskSweeper.class.getName());
  private static final int BATCH = 500;

  @Inject TaskRuns runs;
  @Inject TaskDispatch dispatch;
  @Inject TaskRunner runner;
  @Inject NodeIdentity node;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.requeue-after-seconds", defaultValue = "60")
  int requeueAfterSeconds;

  private final AtomicBoolean busy = new AtomicBoolean();

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!busy.compareAndSet(false, true)) {
      return; // the previous sweep is still going
    }
    try {
      keepLeases();
      expireLeases();
      sendRunnable();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Task sweep failed; the next one tries again", e);
    } finally {
      busy.set(false);
    }
  }

  private void keepLeases() {
    var here = runner.runningIds();
    if (here.isEmpty()) {
      return;
    }
    runs.renewLeases(node.id(), here, runner.lease());
    runs.cancelRequested(here).forEach(runner::abort);
  }

  private void expireLeases() {
    for (var id : runs.expiredLeases(BATCH)) {
      try {
        if (runs.expireLease(id)) {
          dispatch.enqueue(id);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Lease of task " + id + " taken by another node", e);
      }
    }
  }

  private void sendRunnable() {
    if (dispatch.paused()) {
      return;
    }
    var stale = Instant.now().minusSeconds(requeueAfterSeconds);
    dispatch.runnable(stale, BATCH).forEach(dispatch::enqueue);
  }
}
