package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.stream.Collectors;
import org.agentry.tool.boundary.Memories;

/** The memory tools: {@code memory_read}, {@code memory_write} and {@code memory_search}. */
public final class MemoryTools {

  private MemoryTools() {}

  /** {@code memory_read}: the text stored under a key. */
  @ApplicationScoped
  public static class Read implements Tool {
    @Inject Memories memories;

    @Override
    public ToolSpecification specification() {
      return ToolSpecification.builder()
          .name("memory_read")
          .description("Reads what you stored in your memory under a key.")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty("key", "The key")
                  .required("key")
                  .build())
          .build();
    }

    @Override
    public String execute(ToolContext context, JsonObject arguments) throws ToolException {
      var key = ToolException.requiredString(arguments, "key");
      return memories
          .read(context.tenant(), context.agent(), key)
          .map(entry -> entry.getContent())
          .orElseThrow(() -> new ToolException("nothing stored under '" + key + "'"));
    }
  }

  /** {@code memory_write}: stores text under a key, replacing what was there. */
  @ApplicationScoped
  public static class Write implements Tool {
    @Inject Memories memories;

    @Override
    public ToolSpecification specification() {
      return ToolSpecification.builder()
          .name("memory_write")
          .description("Stores text in your memory under a key, replacing what was there.")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty("key", "The key, at most 255 characters")
                  .addStringProperty("content", "The text to remember")
                  .required("key", "content")
                  .build())
          .build();
    }

    @Override
    public String execute(ToolContext context, JsonObject arguments) throws ToolException {
      var key = ToolException.requiredString(arguments, "key");
      if (key.isBlank() || key.length() > 255) {
        throw new ToolException("the key must be 1 to 255 characters");
      }
      memories.write(
          context.tenant(),
          context.agent(),
          key,
          ToolException.requiredString(arguments, "content"));
      return "stored under '" + key + "'";
    }
  }

  /** {@code memory_search}: entries whose key or text contains a query. */
  @ApplicationScoped
  public static class Search implements Tool {
    @Inject Memories memories;

    @Override
    public ToolSpecification specification() {
      return ToolSpecification.builder()
          .name("memory_search")
          .description("Finds memory entries whose key or text contains the query (at most 20).")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty("query", "Text to look for, case-insensitive")
                  .required("query")
                  .build())
          .build();
    }

    @Override
    public String execute(ToolContext context, JsonObject arguments) throws ToolException {
      var query = ToolException.requiredString(arguments, "query");
      var found = memories.search(context.tenant(), context.agent(), query, 20);
      if (found.isEmpty()) {
        return "(no entries)";
      }
      return found.stream()
          .map(e -> e.getKey() + ": " + e.getContent())
          .collect(Collectors.joining("\n"));
    }
  }
}
