package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteFileToolTest {

  @TempDir Path workspace;

  private final WriteFileTool tool = new WriteFileTool(10, 25);

  @Test
  void aFileOverThePerFileQuotaIsRefusedAndNotWritten() {
    var error = assertThrows(ToolException.class, () -> write("big.txt", "x".repeat(11)));

    assertEquals("the content is 11 bytes; a file may have at most 10 bytes", error.getMessage());
    assertFalse(Files.exists(workspace.resolve("big.txt")));
  }

  @Test
  void theQuotaCountsBytesNotCharacters() {
    // 6 characters, 12 bytes
    assertThrows(ToolException.class, () -> write("e.txt", "éééééé"));
  }

  @Test
  void aWriteThatWouldFillTheWorkspacePastItsQuotaIsRefused() throws Exception {
    write("a.txt", "x".repeat(10));
    write("b/c.txt", "x".repeat(10));

    var error = assertThrows(ToolException.class, () -> write("d.txt", "x".repeat(6)));

    assertTrue(
        error.getMessage().startsWith("the workspace would hold 26 bytes"), error.getMessage());
    assertFalse(Files.exists(workspace.resolve("d.txt")));
  }

  @Test
  void replacingAFileCountsOnlyTheDifference() throws Exception {
    write("a.txt", "x".repeat(10));
    write("b.txt", "x".repeat(10));

    assertEquals("wrote 10 bytes to a.txt", write("a.txt", "y".repeat(10)));
    assertEquals("y".repeat(10), Files.readString(workspace.resolve("a.txt")));
  }

  private String write(String path, String content) throws ToolException {
    var arguments = Json.createObjectBuilder().add("path", path).add("content", content).build();
    return tool.execute(new ToolContext("a", null, null, workspace), arguments);
  }
}
