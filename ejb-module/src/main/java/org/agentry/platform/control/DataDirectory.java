package org.agentry.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data directory ({@code agentry.data.dir}, default {@code ./data}): everything the embedded
 * defaults keep (H2 database, broker store, admin token, agent workspaces) lives below it.
 */
@ApplicationScoped
public class DataDirectory {

  @Inject
  @ConfigProperty(name = "agentry.data.dir", defaultValue = "data")
  String configured;

  /**
   * The absolute, normalised data directory, created with mode 0700 (and so its missing parents) if
   * missing.
   *
   * @throws UncheckedIOException if it cannot be created
   */
  public Path root() {
    var root = Path.of(configured).toAbsolutePath().normalize();
    try {
      return PrivateFiles.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + root, e);
    }
  }
}
