package org.agentry.dispatch.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.dispatch.control.NodeDrain;
import org.agentry.dispatch.control.TaskRunner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the node when the application stops (SIGTERM: Payara Micro's shutdown hook undeploys the
 * application, and the container destroys this singleton before the beans it depends on): no task
 * is claimed any more, and the runs under way get up to {@code agentry.dispatch.drain-seconds}
 * (default 30) to finish, their leases renewed meanwhile. What is still running then is left to the
 * lease sweeper of another node, or of this one after a restart.
 */
@Singleton
@Startup
@DependsOn({"PlatformStartup", "LeaseKeeper", "TaskSweeper"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeShutdown {

  private static final Logger LOG = Logger.getLogger(NodeShutdown.class.getName());
  private static final Duration RENEW_EVERY = Duration.ofSeconds(3);

  @Inject NodeDrain drain;
  @Inject TaskRunner runner;
  @Inject Leases leases;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.drain-seconds", defaultValue = "30")
  int drainSeconds;

  @PreDestroy
  void drainOnStop() {
    if (!drain.draining()) {
      drain.start(Duration.ofSeconds(drainSeconds));
    }
    var started = Instant.now();
    LOG.info(() -> "Stopping: draining " + runner.runningCount() + " running tasks");
    var renewed = Instant.now();
    try {
      while (runner.runningCount() > 0 && !drain.pastDeadline()) {
        Thread.sleep(100);
        if (Instant.now().isAfter(renewed.plus(RENEW_EVERY))) {
          renew();
          renewed = Instant.now();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    var left = runner.runningCount();
    LOG.info(
        () ->
            "Drained in "
                + Duration.between(started, Instant.now()).toMillis()
                + " ms; "
                + left
                + " tasks left to the lease sweeper");
  }

  /** The lease keeper's timer may already be stopped while the application goes down. */
  private void renew() {
    var here = runner.leases();
    if (here.isEmpty()) {
      return;
    }
    try {
      leases.renew(here, runner.lease()).lost().forEach(runner::stop);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Leases not renewed while draining", e);
    }
  }
}
