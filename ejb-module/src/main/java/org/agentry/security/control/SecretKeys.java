package org.agentry.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.logging.Logger;
import org.agentry.platform.control.DataDirectory;
import org.agentry.platform.control.PrivateFiles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys that seal secrets at rest ({@link SecretCipher}). The current key comes from {@code
 * agentry.secret.key} ({@code AGENTRY_SECRET_KEY}, Base64 of 32 bytes) when set; otherwise from
 * {@code <data dir>/secret-key}, which the first start creates with a random key and mode 0600.
 * {@code agentry.secret.key.previous} ({@code AGENTRY_SECRET_KEY_PREVIOUS}, comma-separated) lists
 * keys still accepted for opening; so is the file's key when the setting is used and the file
 * exists. A malformed key stops the application at startup; messages name the setting or file,
 * never the key. Key ids are logged, keys never.
 */
@ApplicationScoped
public class SecretKeys {

  static final String FILE_NAME = "secret-key";
  private static final String SETTING = "agentry.secret.key (AGENTRY_SECRET_KEY)";
  private static final String PREVIOUS =
      "agentry.secret.key.previous (AGENTRY_SECRET_KEY_PREVIOUS)";
  private static final Logger LOG = Logger.getLogger(SecretKeys.class.getName());

  @Inject
  @ConfigProperty(name = "agentry.secret.key")
  Optional<String> configured;

  @Inject
  @ConfigProperty(name = "agentry.secret.key.previous")
  Optional<String> previous;

  @Inject DataDirectory dataDirectory;

  private volatile SecretCipher cipher;

  void onStartup(@Observes Startup event) {
    cipher();
  }

  /**
   * The cipher of the configured keys, resolved once.
   *
   * @throws IllegalArgumentException if a key is malformed
   * @throws UncheckedIOException if the key file cannot be read or created
   */
  public SecretCipher cipher() {
    if (cipher == null) {
      synchronized (this) {
        if (cipher == null) {
          cipher = resolve();
          LOG.info(() -> "Secrets are sealed with key id " + cipher.currentKeyId());
        }
      }
    }
    return cipher;
  }

  private SecretCipher resolve() {
    var older = new ArrayList<byte[]>();
    for (var text : previous.map(p -> p.split(",")).orElse(new String[0])) {
      if (!text.isBlank()) {
        older.add(SecretCipher.decodeKey(text, "a key of " + PREVIOUS));
      }
    }
    var fromConfig = configured.map(String::trim).filter(k -> !k.isEmpty());
    var file = dataDirectory.root().resolve(FILE_NAME);
    if (fromConfig.isPresent()) {
      var current = SecretCipher.decodeKey(fromConfig.get(), SETTING);
      if (Files.exists(file)) {
        older.add(read(file));
      }
      return new SecretCipher(current, older);
    }
    if (!Files.exists(file)) {
      create(file);
      LOG.info(() -> "Generated the secret key; it is in " + file);
    }
    return new SecretCipher(read(file), older);
  }

  private static byte[] read(Path file) {
    try {
      return SecretCipher.decodeKey(Files.readString(file, StandardCharsets.US_ASCII), "" + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret key file " + file, e);
    }
  }

  /**
   * Creates the key file with its final content and mode 0600 from the start: the key is written to
   * a private temporary file, which is then linked to the final name, so that another node sharing
   * the directory never reads a half-written file and the first link wins.
   */
  private static void create(Path file) {
    try {
      var temporary = file.resolveSibling(FILE_NAME + "." + ProcessHandle.current().pid());
      Files.deleteIfExists(temporary);
      PrivateFiles.create(temporary);
      try {
        Files.writeString(temporary, SecretCipher.generateKey() + "\n", StandardCharsets.US_ASCII);
        Files.createLink(file, temporary);
      } catch (FileAlreadyExistsException e) {
        // another node sharing the data directory won the race
      } catch (UnsupportedOperationException | FileSystemException e) {
        Files.move(temporary, file); // no hard links here: a rename, without the race guard
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the secret key file " + file, e);
    }
  }

  /** Keys given in code rather than configuration, e.g. for tests. */
  public static SecretKeys fixed(SecretCipher cipher) {
    var keys = new SecretKeys();
    keys.cipher = cipher;
    return keys;
  }
}
