package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** {@code read_file}: the text of a file in the agent's workspace (UTF-8, at most 1 MiB). */
@ApplicationScoped
public class ReadFileTool implements Tool {

  static final long MAX_BYTES = 1024 * 1024;

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name("read_file")
        .description("Reads a UTF-8 text file from your workspace and returns its content.")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("path", "File path relative to the workspace, e.g. notes.txt")
                .required("path")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonObject arguments) throws ToolException {
    var path =
        Workspaces.resolve(context.workspace(), ToolException.requiredString(arguments, "path"));
    if (!Files.isRegularFile(path)) {
      throw new ToolException("no such file: " + context.workspace().relativize(path));
    }
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new ToolException("the file is larger than 1 MiB");
      }
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ToolException("the file cannot be read as UTF-8 text");
    }
  }
}
