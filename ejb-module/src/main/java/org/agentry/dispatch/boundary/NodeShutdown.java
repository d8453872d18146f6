package org.agentry.dispatch.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;
import org.agentry.dispatch.control.NodeDrain;
import org.agentry.dispatch.control.ShutdownDrain;
import org.agentry.dispatch.control.TaskRunner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Offers the shutdown drain ({@link ShutdownDrain}) to the launcher while the application runs:
 * registered in the platform MBean server at start, removed when the application stops. Running
 * tasks get {@code agentry.dispatch.drain-seconds} (default 30) to finish.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeShutdown {

  private static final Logger LOG = Logger.getLogger(NodeShutdown.class.getName());

  @Inject NodeDrain drain;
  @Inject TaskRunner runner;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.drain-seconds", defaultValue = "30")
  int drainSeconds;

  @PostConstruct
  void register() {
    try {
      var server = ManagementFactory.getPlatformMBeanServer();
      var name = new ObjectName(ShutdownDrain.OBJECT_NAME);
      if (server.isRegistered(name)) {
        server.unregisterMBean(name); // left by an earlier deployment
      }
      server.registerMBean(
          new ShutdownDrain(drain, runner, Duration.ofSeconds(drainSeconds)), name);
    } catch (JMException e) {
      LOG.log(Level.WARNING, "No drain on SIGTERM: the shutdown drain is not registered", e);
    }
  }

  @PreDestroy
  void unregister() {
    try {
      var server = ManagementFactory.getPlatformMBeanServer();
      var name = new ObjectName(ShutdownDrain.OBJECT_NAME);
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (JMException e) {
      LOG.log(Level.FINE, "Shutdown drain not unregistered", e);
    }
  }
}
