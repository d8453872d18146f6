package org.agentry.tool.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agentry.platform.control.DataDirectory;
import org.agentry.tenant.entity.Tenants;

/**
 * Agents' workspaces, {@code <data dir>/workspaces/<agent>}, and the rule that confines file tools
 * to them: relative paths only, no {@code ..}, and no symbolic link that leads outside (checked on
 * the real path of the target, or of its nearest existing parent for a new file).
 */
@ApplicationScoped
public class Workspaces {

  @Inject DataDirectory dataDirectory;

  /**
   * The agent's workspace, created if missing: {@code workspaces/<agent>} for the default tenant,
   * {@code tenants/<tenant>/workspaces/<agent>} for another.
   *
   * @throws UncheckedIOException if it cannot be created
   */
  public Path of(String tenant, String agent) {
    var root =
        Tenants.DEFAULT.equals(tenant)
            ? dataDirectory.root()
            : dataDirectory.root().resolve("tenants").resolve(Tenants.require(tenant));
    try {
      return Files.createDirectories(root.resolve("workspaces").resolve(agent));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The total size of the regular files in a workspace, in bytes; symbolic links are not followed.
   *
   * @throws IOException if the tree cannot be walked
   */
  public static long size(Path workspace) throws IOException {
    try (var files = Files.walk(workspace)) {
      return files
          .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .mapToLong(Workspaces::sizeOf)
          .sum();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // deleted while walking
    }
  }

  /**
   * Resolves a path the model gave against a workspace.
   *
   * @param relative e.g. {@code notes/today.md}; {@code ""} or {@code .} is the workspace itself
   * @throws ToolException if the path is absolute, climbs with {@code ..}, or leads outside
   */
  public static Path resolve(Path workspace, String relative) throws ToolException {
    if (relative == null) {
      throw new ToolException("a path is required");
    }
    var given = Path.of(relative.isBlank() ? "." : relative);
    if (given.isAbsolute()) {
      throw new ToolException("absolute paths are not allowed; use a path inside the workspace");
    }
    for (var part : given) {
      if (part.toString().equals("..")) {
        throw new ToolException("'..' is not allowed; stay inside the workspace");
      }
    }
    var target = workspace.resolve(given).normalize();
    try {
      var root = workspace.toRealPath();
      var existing = target;
      while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        existing = existing.getParent();
      }
      if (existing == null || !existing.toRealPath().startsWith(root)) {
        throw new ToolException("the path leads outside the workspace");
      }
    } catch (IOException e) {
      throw new ToolException("the path cannot be resolved");
    }
    return target;
  }
}
