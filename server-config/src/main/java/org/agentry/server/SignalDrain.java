package org.agentry.server;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT drain the node before the process ends: the handler calls the application's
 * shutdown drain over JMX ({@code org.agentry:type=ShutdownDrain}, which returns once no task runs
 * on this node or its deadline passed) and then exits, which runs Payara Micro's shutdown hook.
 * Without the application (it failed to deploy) the process exits at once. A second signal during
 * the drain is ignored; {@code kill -9} still ends the process.
 */
final class SignalDrain {

  static final String OBJECT_NAME = "org.agentry:type=ShutdownDrain";

  private static final AtomicBoolean STOPPING = new AtomicBoolean();

  private SignalDrain() {}

  /** Replaces the JVM's handlers of SIGTERM and SIGINT. */
  static void install() {
    for (var name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), SignalDrain::stop);
    }
  }

  private static void stop(Signal signal) {
    if (!STOPPING.compareAndSet(false, true)) {
      return;
    }
    var stopper =
        new Thread(
            () -> {
              drain();
              System.exit(128 + signal.getNumber());
            },
            "agentry-drain");
    stopper.start();
  }

  private static void drain() {
    try {
      var server = ManagementFactory.getPlatformMBeanServer();
      var name = new ObjectName(OBJECT_NAME);
      if (server.isRegistered(name)) {
        var summary = server.invoke(name, "drainForShutdown", new Object[0], new String[0]);
        System.err.println("agentry: " + summary);
      }
    } catch (JMException | RuntimeException e) {
      System.err.println("agentry: no drain before stopping: " + e);
    }
  }
}
