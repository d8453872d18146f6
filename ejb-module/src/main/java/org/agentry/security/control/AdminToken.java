package org.agentry.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;
import org.agentry.platform.control.DataDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bootstrap admin token. It comes from {@code agentry.admin.token} ({@code
 * AGENTRY_ADMIN_TOKEN}) when set; otherwise from {@code <data dir>/admin-token}, which the first
 * start creates with a fresh token and file mode 0600. The file's path is logged, the token never.
 */
@ApplicationScoped
public class AdminToken {

  static final String FILE_NAME = "admin-token";
  private static final Logger LOG = Logger.getLogger(AdminToken.class.getName());

  @Inject
  @ConfigProperty(name = "agentry.admin.token")
  Optional<String> configured;

  @Inject DataDirectory dataDirectory;

  private volatile String hash;

  void onStartup(@Observes Startup event) {
    hash();
  }

  /**
   * Whether a presented token is the admin token.
   *
   * @param tokenHash the SHA-256 hex digest of the presented token
   */
  public boolean matches(String tokenHash) {
    return Tokens.sameHash(hash(), tokenHash);
  }

  private String hash() {
    if (hash == null) {
      synchronized (this) {
        if (hash == null) {
          hash = Tokens.hash(resolve());
        }
      }
    }
    return hash;
  }

  private String resolve() {
    var fromConfig = configured.map(String::trim).filter(t -> !t.isEmpty());
    if (fromConfig.isPresent()) {
      LOG.info("Admin token taken from agentry.admin.token");
      return fromConfig.get();
    }
    var file = dataDirectory.root().resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(file);
        LOG.info(() -> "Generated the admin token; it is in " + file);
      } else {
        LOG.info(() -> "Admin token read from " + file);
      }
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the admin token file " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    try {
      var attribute =
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
      Files.createFile(file, attribute);
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      return; // another node sharing the data directory won the race
    }
    Files.writeString(file, Tokens.generate() + "\n", StandardCharsets.UTF_8);
  }
}
