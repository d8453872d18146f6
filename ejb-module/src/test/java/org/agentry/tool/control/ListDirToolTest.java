package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListDirToolTest {

  @TempDir Path workspace;

  @Test
  void listsAtMostTheCapAndSaysHowManyMoreThereAre() throws Exception {
    for (var name : new String[] {"e", "d", "c", "b", "a"}) {
      Files.writeString(workspace.resolve(name), name);
    }
    Files.createDirectory(workspace.resolve("f"));

    var listed = list(new ListDirTool(3));

    assertEquals("a\nb\nc\n(3 more entries not listed)", listed);
  }

  @Test
  void aFolderWithinTheCapIsListedWhole() throws Exception {
    Files.writeString(workspace.resolve("a"), "a");
    Files.createDirectory(workspace.resolve("b"));

    assertEquals("a\nb/", list(new ListDirTool(2)));
  }

  private String list(ListDirTool tool) throws ToolException {
    return tool.execute(new ToolContext("a", null, null, workspace), JsonValue.EMPTY_JSON_OBJECT);
  }
}
