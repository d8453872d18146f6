package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** {@code write_file}: creates or replaces a UTF-8 text file in the agent's workspace. */
@ApplicationScoped
public class WriteFileTool implements Tool {

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name("write_file")
        .description(
            "Writes UTF-8 text to a file in your workspace, creating folders as needed and"
                + " replacing the file if it exists.")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("path", "File path relative to the workspace, e.g. notes.txt")
                .addStringProperty("content", "The whole new content of the file")
                .required("path", "content")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonObject arguments) throws ToolException {
    var path =
        Workspaces.resolve(context.workspace(), ToolException.requiredString(arguments, "path"));
    var content = ToolException.requiredString(arguments, "content");
    if (path.equals(context.workspace().normalize()) || Files.isDirectory(path)) {
      throw new ToolException("the path names a folder, not a file");
    }
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ToolException("the file cannot be written");
    }
    var bytes = content.getBytes(StandardCharsets.UTF_8).length;
    return "wrote " + bytes + " bytes to " + context.workspace().relativize(path);
  }
}
