package org.agentry.dispatch.control;

/**
 * The JMX face of the drain a stopping process runs ({@value ShutdownDrain#OBJECT_NAME} in the
 * platform MBean server): the launcher calls it on SIGTERM before the container goes down.
 */
public interface ShutdownDrainMBean {

  /**
   * Drains this node and waits until no task runs here or the drain's deadline passes.
   *
   * @return e.g. {@code drained in 3120 ms; 0 tasks left to the lease sweeper}
   */
  String drainForShutdown();
}
