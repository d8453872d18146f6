package org.agentry.ear;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers the EAR smoke tests share. */
final class EarTestFiles {

  private EarTestFiles() {}

  /** Deletes a directory tree, or nothing when it does not exist. */
  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /**
   * The absolute path a system property names (failsafe sets them, see ear/pom.xml).
   *
   * @throws IllegalStateException if it is not set
   */
  static Path pathProperty(String name) {
    var value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set; run this test through failsafe");
    }
    return Path.of(value).toAbsolutePath().normalize();
  }
}
