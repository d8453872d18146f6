package org.agentry.agent.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads agent packages from {@code agentry.agents.dir} (default {@code ./agents}) at startup, and
 * again on {@link #reload()}.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgentPackageLoader {

  private static final Logger LOG = Logger.getLogger(AgentPackageLoader.class.getName());

  @Inject
  @ConfigProperty(name = "agentry.agents.dir", defaultValue = "agents")
  String directory;

  @Inject Agents agents;

  @PostConstruct
  void loadAtStartup() {
    try {
      var report = reload();
      LOG.info(
          () ->
              "Agent packages in "
                  + dir()
                  + ": added "
                  + report.added()
                  + ", changed "
                  + report.changed()
                  + ", removed "
                  + report.removed()
                  + ", errors "
                  + report.errors());
    } catch (RuntimeException e) {
      // another node may be loading the same packages; this node still starts
      LOG.log(Level.WARNING, "Agent packages not loaded at startup", e);
    }
  }

  /** Reloads the packages; see {@link Agents#reload}. */
  public ReloadReport reload() {
    return agents.reload(dir());
  }

  /** The absolute packages directory. */
  public Path dir() {
    return Path.of(directory).toAbsolutePath().normalize();
  }
}
