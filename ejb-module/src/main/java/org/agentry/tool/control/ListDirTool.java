package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code list_dir}: the entries of a folder in the workspace, sorted by name, folders marked with a
 * slash; at most {@code agentry.tools.list-dir-max-entries} (default 200), then a line saying how
 * many more there are.
 */
@ApplicationScoped
public class ListDirTool implements Tool {

  /** Most entries listed by default. */
  public static final int DEFAULT_MAX_ENTRIES = 200;

  @Inject
  @ConfigProperty(name = "agentry.tools.list-dir-max-entries", defaultValue = "200")
  int maxEntries = DEFAULT_MAX_ENTRIES;

  /** The tool with the default cap, for CDI. */
  public ListDirTool() {}

  /** The tool listing at most {@code maxEntries} entries. */
  public ListDirTool(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name("list_dir")
        .description(
            "Lists a folder of your workspace; folders end with '/'. At most "
                + maxEntries
                + " entries.")
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
    List<String> names;
    try (var entries = Files.list(dir)) {
      names =
          entries.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
    } catch (IOException e) {
      throw new ToolException("the folder cannot be listed");
    }
    if (names.isEmpty()) {
      return "(empty)";
    }
    var listed = String.join("\n", names.subList(0, Math.min(maxEntries, names.size())));
    int more = names.size() - maxEntries;
    return more > 0 ? listed + "\n(" + more + " more entries not listed)" : listed;
  }
}
