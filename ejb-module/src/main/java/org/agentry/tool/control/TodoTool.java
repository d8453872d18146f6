package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.agentry.tool.boundary.Todos;
import org.agentry.tool.boundary.Todos.Item;

/**
 * {@code todo}: a checklist the model keeps for its task (or, in a chat, its session), stored so
 * that it survives a resume. Arguments: {@code action} {@code add} (with {@code items}, texts of
 * new items, each {@code pending}), {@code update} (with {@code id} and a new {@code status} and/or
 * {@code text}) or {@code list}. Every call returns the whole list as {@code {"items": [{"id",
 * "status", "text"}]}}; a task's change also appears as a {@code todo.updated} task event. At most
 * {@value #MAX_ITEMS} items of at most {@value #MAX_TEXT} characters.
 */
@ApplicationScoped
public class TodoTool implements Tool {

  /** Most items in one list. */
  public static final int MAX_ITEMS = 100;

  /** Most characters of an item's text. */
  public static final int MAX_TEXT = 500;

  private static final List<String> STATUSES = List.of("pending", "in_progress", "done");

  @Inject Todos todos;

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name("todo")
        .description(
            "Your checklist for this task: add items, mark them in_progress or done as you work,"
                + " list them. Returns the whole list.")
        .parameters(
            JsonObjectSchema.builder()
                .addEnumProperty("action", List.of("add", "update", "list"), "What to do")
                .addProperty(
                    "items",
                    JsonArraySchema.builder()
                        .description("For add: the texts of the new items")
                        .items(JsonStringSchema.builder().build())
                        .build())
                .addIntegerProperty("id", "For update: the item's id")
                .addEnumProperty("status", STATUSES, "For update: the item's new status")
                .addStringProperty("text", "For update: the item's new text")
                .required("action")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonObject arguments) throws ToolException {
    if (context.taskId() == null && context.sessionId() == null) {
      throw new ToolException("the todo list needs a task or a session");
    }
    var action = ToolException.requiredString(arguments, "action");
    var items = new ArrayList<>(todos.read(context.taskId(), context.sessionId()));
    switch (action) {
      case "list" -> {
        return render(items);
      }
      case "add" -> add(items, arguments);
      case "update" -> update(items, arguments);
      default -> throw new ToolException("action must be add, update or list");
    }
    todos.write(context.taskId(), context.sessionId(), context.agent(), items);
    return render(items);
  }

  private static void add(List<Item> items, JsonObject arguments) throws ToolException {
    if (!(arguments.get("items") instanceof JsonArray added) || added.isEmpty()) {
      throw new ToolException("add needs 'items', a non-empty array of texts");
    }
    if (items.size() + added.size() > MAX_ITEMS) {
      throw new ToolException("a todo list holds at most " + MAX_ITEMS + " items");
    }
    int next = items.stream().mapToInt(Item::id).max().orElse(0) + 1;
    for (var value : added) {
      items.add(new Item(next++, "pending", text(value)));
    }
  }

  private static void update(List<Item> items, JsonObject arguments) throws ToolException {
    if (!(arguments.get("id") instanceof JsonNumber number) || !number.isIntegral()) {
      throw new ToolException("update needs 'id', an item's id");
    }
    int id = number.intValue();
    int index = -1;
    for (int i = 0; i < items.size(); i++) {
      index = items.get(i).id() == id ? i : index;
    }
    if (index < 0) {
      throw new ToolException("there is no item " + id);
    }
    var item = items.get(index);
    var status = arguments.get("status");
    var text = arguments.get("text");
    if (status == null && text == null) {
      throw new ToolException("update needs a new 'status' or 'text'");
    }
    var newStatus = item.status();
    if (status != null) {
      if (!(status instanceof JsonString s) || !STATUSES.contains(s.getString())) {
        throw new ToolException("status must be pending, in_progress or done");
      }
      newStatus = s.getString();
    }
    items.set(index, new Item(id, newStatus, text == null ? item.text() : text(text)));
  }

  private static String text(jakarta.json.JsonValue value) throws ToolException {
    if (!(value instanceof JsonString s) || s.getString().isBlank()) {
      throw new ToolException("an item's text must be a non-blank string");
    }
    if (s.getString().length() > MAX_TEXT) {
      throw new ToolException("an item's text may have at most " + MAX_TEXT + " characters");
    }
    return s.getString().strip();
  }

  private static String render(List<Item> items) {
    return Todos.toJson(items);
  }
}
