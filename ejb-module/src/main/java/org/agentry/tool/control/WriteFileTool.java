package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code write_file}: creates or replaces a UTF-8 text file in the agent's workspace, within two
 * quotas: the file's size ({@code agentry.tools.write-file-max-bytes}, default 1 MiB) and the
 * workspace's total size after the write ({@code agentry.tools.workspace-max-bytes}, default 100
 * MiB). A write over either is refused with a tool error and changes nothing.
 */
@ApplicationScoped
public class WriteFileTool implements Tool {

  /** Largest file by default: 1 MiB, what {@code read_file} reads. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

  /** Largest workspace by default: 100 MiB. */
  public static final long DEFAULT_MAX_WORKSPACE_BYTES = 100L * 1024 * 1024;

  @Inject
  @ConfigProperty(name = "agentry.tools.write-file-max-bytes", defaultValue = "1048576")
  long maxFileBytes = DEFAULT_MAX_FILE_BYTES;

  @Inject
  @ConfigProperty(name = "agentry.tools.workspace-max-bytes", defaultValue = "104857600")
  long maxWorkspaceBytes = DEFAULT_MAX_WORKSPACE_BYTES;

  /** The tool with the default quotas, for CDI. */
  public WriteFileTool() {}

  /** The tool with the given quotas, in bytes. */
  public WriteFileTool(long maxFileBytes, long maxWorkspaceBytes) {
    this.maxFileBytes = maxFileBytes;
    this.maxWorkspaceBytes = maxWorkspaceBytes;
  }

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name("write_file")
        .description(
            "Writes UTF-8 text to a file in your workspace, creating folders as needed and"
                + " replacing the file if it exists. At most "
                + maxFileBytes
                + " bytes per file.")
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
    var content =
        ToolException.requiredString(arguments, "content").getBytes(StandardCharsets.UTF_8);
    if (path.equals(context.workspace().normalize()) || Files.isDirectory(path)) {
      throw new ToolException("the path names a folder, not a file");
    }
    if (content.length > maxFileBytes) {
      throw new ToolException(
          "the content is "
              + content.length
              + " bytes; a file may have at most "
              + maxFileBytes
              + " bytes");
    }
    try {
      long replaced = Files.isRegularFile(path) ? Files.size(path) : 0;
      long after = Workspaces.size(context.workspace()) - replaced + content.length;
      if (after > maxWorkspaceBytes) {
        throw new ToolException(
            "the workspace would hold "
                + after
                + " bytes; it may hold at most "
                + maxWorkspaceBytes
                + " bytes (delete or shorten files first)");
      }
      Files.createDirectories(path.getParent());
      Files.write(path, content);
    } catch (IOException e) {
      throw new ToolException("the file cannot be written");
    }
    return "wrote " + content.length + " bytes to " + context.workspace().relativize(path);
  }
}
