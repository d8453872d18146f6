package org.agentry.skill.boundary;

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
 * Discovers skills in {@code agentry.skills.dir} (default {@code ./skills}) at startup, and again
 * on {@link #discover()}.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SkillDiscovery {

  private static final Logger LOG = Logger.getLogger(SkillDiscovery.class.getName());

  @Inject
  @ConfigProperty(name = "agentry.skills.dir", defaultValue = "skills")
  String directory;

  @Inject Skills skills;

  @PostConstruct
  void discoverAtStartup() {
    try {
      var report = discover();
      LOG.info(
          () ->
              "Skills in "
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
      // another node may be discovering the same skills; this node still starts
      LOG.log(Level.WARNING, "Skills not discovered at startup", e);
    }
  }

  /** Scans the directory; see {@link Skills#discover}. */
  public DiscoveryReport discover() {
    return skills.discover(dir());
  }

  /** The absolute skills directory. */
  public Path dir() {
    return Path.of(directory).toAbsolutePath().normalize();
  }
}
