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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.dispatch.control.NodeDrain;
import org.agentry.dispatch.control.TaskRunner;

/**
 * Every 3 seconds, on its own non-persistent timer so that no other work can delay it: extends the
 * leases of the tasks running on this node (by {@code agentry.dispatch.lease-seconds}, default 30),
 * and stops the runs that someone cancelled or whose lease another claim took.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LeaseKeeper {

  private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

  @Inject Leases leases;
  @Inject TaskRunner runner;
  @Inject NodeDrain drain;

  @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (drain.pastDeadline()) {
      return; // a drained node leaves the runs it has to the lease sweeper
    }
    var here = runner.leases();
    if (here.isEmpty()) {
      return;
    }
    try {
      var renewal = leases.renew(here, runner.lease());
      renewal.lost().forEach(runner::stop);
      renewal.cancelRequested().forEach(runner::stop);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Leases not renewed; trying again in 3 s", e);
    }
  }
}
