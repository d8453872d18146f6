package org.agentry.task.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.task.control.NodeIdentity;
import org.agentry.task.control.TaskRunner;

/**
 * Every 3 seconds, on its own non-persistent timer so that no other work can delay it: extends the
 * leases of the tasks running on this node (by {@code agentry.dispatch.lease-seconds}, default 30)
 * and aborts the in-flight model calls of those someone cancelled.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LeaseKeeper {

  private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

  @Inject TaskRuns runs;
  @Inject TaskRunner runner;
  @Inject NodeIdentity node;

  @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
  void tick() {
    var here = runner.runningIds();
    if (here.isEmpty()) {
      return;
    }
    try {
      runs.renewLeases(node.id(), here, runner.lease());
      runs.cancelRequested(here).forEach(runner::abort);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Leases not renewed; trying again in 3 s", e);
    }
  }
}
