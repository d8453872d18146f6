package org.agentry.dispatch.control;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * The drain of a stopping process. Payara Micro's own shutdown hook removes the application's
 * datasource before the container destroys its beans, so a run still going then cannot write its
 * end: the drain must run before that, while the application is whole. The launcher therefore
 * catches SIGTERM (and SIGINT), calls {@link #drainForShutdown()} over JMX, and only then lets the
 * JVM exit. The lease keeper goes on renewing the leases meanwhile.
 */
public final class ShutdownDrain implements ShutdownDrainMBean {

  /** The MBean's name in the platform MBean server. */
  public static final String OBJECT_NAME = "org.agentry:type=ShutdownDrain";

  private static final Logger LOG = Logger.getLogger(ShutdownDrain.class.getName());

  private final NodeDrain drain;
  private final TaskRunner runner;
  private final Duration grace;

  /**
   * @param grace how long running tasks may take ({@code agentry.dispatch.drain-seconds})
   */
  public ShutdownDrain(NodeDrain drain, TaskRunner runner, Duration grace) {
    this.drain = drain;
    this.runner = runner;
    this.grace = grace;
  }

  /** Runs on the launcher's thread, which has no context class loader: the beans need this one. */
  @Override
  public String drainForShutdown() {
    var thread = Thread.currentThread();
    var previous = thread.getContextClassLoader();
    thread.setContextClassLoader(ShutdownDrain.class.getClassLoader());
    try {
      return drainAndWait();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private String drainAndWait() {
    if (!drain.draining()) {
      drain.start(grace);
    }
    long started = System.nanoTime();
    LOG.info(() -> "Stopping: draining " + runner.runningCount() + " running tasks");
    try {
      while (runner.runningCount() > 0 && !drain.pastDeadline()) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    var summary =
        "drained in "
            + Duration.ofNanos(System.nanoTime() - started).toMillis()
            + " ms; "
            + runner.runningCount()
            + " tasks left to the lease sweeper";
    LOG.info(summary);
    return summary;
  }
}
