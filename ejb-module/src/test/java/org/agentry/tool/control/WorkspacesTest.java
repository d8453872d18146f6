package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacesTest {

  @TempDir Path root;

  @Test
  void resolvesRelativePathsInside() throws Exception {
    var workspace = Files.createDirectories(root.resolve("ws"));
    assertEquals(workspace.resolve("a/b.txt"), Workspaces.resolve(workspace, "a/b.txt"));
    assertEquals(workspace, Workspaces.resolve(workspace, "."));
    assertEquals(
        workspace.resolve("new/deep/file"), Workspaces.resolve(workspace, "new/deep/file"));
  }

  @Test
  void refusesAbsolutePathsAndClimbing() throws Exception {
    var workspace = Files.createDirectories(root.resolve("ws"));
    assertThrows(ToolException.class, () -> Workspaces.resolve(workspace, "/etc/passwd"));
    assertThrows(ToolException.class, () -> Workspaces.resolve(workspace, "../secret"));
    assertThrows(ToolException.class, () -> Workspaces.resolve(workspace, "a/../../secret"));
    assertThrows(ToolException.class, () -> Workspaces.resolve(workspace, null));
  }

  @Test
  void refusesSymbolicLinksThatLeadOutside() throws Exception {
    var workspace = Files.createDirectories(root.resolve("ws"));
    var outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "x");
    Files.createSymbolicLink(workspace.resolve("link"), outside);
    Files.createSymbolicLink(workspace.resolve("file-link"), outside.resolve("secret"));

    assertThrows(ToolException.class, () -> Workspaces.resolve(workspace, "link/secret"));
    assertThrows(ToolException.class, () -> Workspaces.resolve(workspace, "link/new.txt"));
    assertThrows(ToolException.class, () -> Workspaces.resolve(workspace, "file-link"));
  }

  @Test
  void allowsSymbolicLinksThatStayInside() throws Exception {
    var workspace = Files.createDirectories(root.resolve("ws"));
    Files.createDirectories(workspace.resolve("real"));
    Files.createSymbolicLink(workspace.resolve("alias"), workspace.resolve("real"));
    assertEquals(workspace.resolve("alias/x"), Workspaces.resolve(workspace, "alias/x"));
  }
}
