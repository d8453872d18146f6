package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Collectors;

/** {@code list_dir}: the entries of a folder in the workspace, folders marked with a slash. */
@ApplicationScoped
public class ListDirTool implements Tool {

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name("list_dir")
        .description("Lists a folder of your workspace; folders end with '/'.")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("path", "Folder relative to the workspace; '.' for its root")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonObject arguments) throws ToolException {
    var given = arguments.get("path") instanceof JsonString s ? s.getString() : ".";
    var dir = Workspaces.resolve(context.workspace(), given);
    if (!Files.isDirectory(dir)) {
      throw new ToolException("no such folder: " + given);
    }
    try (var entries = Files.list(dir)) {
      var names =
          entries
              .map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : ""))
              .sorted()
              .collect(Collectors.joining("\n"));
      return names.isEmpty() ? "(empty)" : names;
    } catch (IOException e) {
      throw new ToolException("the folder cannot be listed");
    }
  }
}
