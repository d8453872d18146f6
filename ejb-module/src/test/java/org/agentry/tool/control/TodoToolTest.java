package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.agentry.tool.boundary.Todos;
import org.junit.jupiter.api.Test;

class TodoToolTest {

  /** Keeps one list in memory and counts the writes (each a todo.updated event for a task). */
  static final class InMemoryTodos extends Todos {
    List<Item> items = List.of();
    final List<List<Item>> writes = new ArrayList<>();

    @Override
    public List<Item> read(String taskId, String sessionId) {
      return items;
    }

    @Override
    public void write(String taskId, String sessionId, String agent, List<Item> items) {
      this.items = List.copyOf(items);
      writes.add(this.items);
    }
  }

  private final InMemoryTodos todos = new InMemoryTodos();
  private final TodoTool tool = tool(todos);

  private static TodoTool tool(Todos todos) {
    var tool = new TodoTool();
    tool.todos = todos;
    return tool;
  }

  private String call(String arguments) throws ToolException {
    return tool.execute(
        new ToolContext("a", "s", "t", null),
        Json.createReader(new StringReader(arguments)).readObject());
  }

  @Test
  void addUpdateAndListReturnTheWholeList() throws ToolException {
    assertEquals(
        "{\"items\":[{\"id\":1,\"status\":\"pending\",\"text\":\"read\"},"
            + "{\"id\":2,\"status\":\"pending\",\"text\":\"write\"}]}",
        call("{\"action\":\"add\",\"items\":[\"read\",\" write \"]}"));
    assertEquals(
        "{\"items\":[{\"id\":1,\"status\":\"done\",\"text\":\"read\"},"
            + "{\"id\":2,\"status\":\"pending\",\"text\":\"write\"}]}",
        call("{\"action\":\"update\",\"id\":1,\"status\":\"done\"}"));
    call("{\"action\":\"update\",\"id\":2,\"text\":\"write it up\"}");
    assertEquals(
        "{\"items\":[{\"id\":1,\"status\":\"done\",\"text\":\"read\"},"
            + "{\"id\":2,\"status\":\"pending\",\"text\":\"write it up\"}]}",
        call("{\"action\":\"list\"}"));
    assertEquals(3, todos.writes.size(), "list writes nothing");
  }

  @Test
  void badCallsChangeNothing() {
    for (var bad :
        List.of(
            "{\"action\":\"remove\"}",
            "{\"action\":\"add\",\"items\":[]}",
            "{\"action\":\"add\",\"items\":[\"\"]}",
            "{\"action\":\"update\",\"id\":9,\"status\":\"done\"}",
            "{\"action\":\"update\",\"id\":1,\"status\":\"finished\"}",
            "{}")) {
      todos.items = List.of(new Todos.Item(1, "pending", "x"));
      assertThrows(ToolException.class, () -> call(bad), bad);
    }
    assertEquals(0, todos.writes.size());
  }
}
