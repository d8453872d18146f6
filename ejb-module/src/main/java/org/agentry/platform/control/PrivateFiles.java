package org.agentry.platform.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and directories only their owner may read, with the POSIX mode given at creation (0600,
 * 0700) rather than set afterwards, so that they are never readable by others, not even for a
 * moment. On a file system without POSIX permissions they are created with its defaults.
 */
public final class PrivateFiles {

  private PrivateFiles() {}

  /**
   * Creates a new empty file with mode 0600.
   *
   * @throws java.nio.file.FileAlreadyExistsException if it exists
   * @throws IOException if it cannot be created
   */
  public static Path create(Path file) throws IOException {
    try {
      return Files.createFile(file, mode("rw-------"));
    } catch (UnsupportedOperationException e) {
      return Files.createFile(file);
    }
  }

  /**
   * Creates a directory and its missing parents with mode 0700; one that exists is left as it is.
   *
   * @throws IOException if it cannot be created
   */
  public static Path createDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return directory;
    }
    try {
      return Files.createDirectories(directory, mode("rwx------"));
    } catch (UnsupportedOperationException e) {
      return Files.createDirectories(directory);
    }
  }

  private static FileAttribute<?> mode(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }
}
