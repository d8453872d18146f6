package org.agentry.tool.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.agentry.platform.entity.Jsons;
import org.agentry.task.control.TaskEvents;
import org.agentry.tool.entity.TodoList;

/**
 * The todo lists of the {@code todo} tool: one per task, or per session for a chat. A change of a
 * task's list appends a {@value #UPDATED} event with the whole list, {@code {"items": [...]}}.
 */
@Stateless
public class Todos {

  /** The task event type of a changed list. */
  public static final String UPDATED = "todo.updated";

  @PersistenceContext EntityManager em;

  @Inject Clock clock;
  @Inject TaskEvents events;

  /**
   * One item.
   *
   * @param id its number in the list, from 1
   * @param text what to do
   * @param status {@code pending}, {@code in_progress} or {@code done}
   */
  public record Item(int id, String status, String text) {}

  /** The list as {@code {"items": [{"id", "status", "text"}]}}, members in that order. */
  public static String toJson(List<Item> items) {
    var array = Jsons.createArrayBuilder();
    for (var item : items) {
      array.add(
          Jsons.createObjectBuilder()
              .add("id", item.id())
              .add("status", item.status())
              .add("text", item.text()));
    }
    return Jsons.createObjectBuilder().add("items", array).build().toString();
  }

  private static List<Item> fromJson(String json) {
    try (var reader = Jsons.createReader(json)) {
      return reader.readObject().getJsonArray("items").stream()
          .map(JsonValue::asJsonObject)
          .map(o -> new Item(o.getInt("id"), o.getString("status"), o.getString("text")))
          .toList();
    }
  }

  /** The items of the task's list, or of the session's when {@code taskId} is null. */
  public List<Item> read(String taskId, String sessionId) {
    var list = em.find(TodoList.class, owner(taskId, sessionId));
    if (list == null) {
      return List.of();
    }
    return fromJson(list.getItems());
  }

  /**
   * Replaces the list and, for a task, appends a {@value #UPDATED} event with it.
   *
   * @param agent the agent the task belongs to
   */
  public void write(String taskId, String sessionId, String agent, List<Item> items) {
    var owner = owner(taskId, sessionId);
    var json = toJson(items);
    var list = em.find(TodoList.class, owner);
    if (list == null) {
      em.persist(new TodoList(owner, json, clock.instant()));
    } else {
      list.rewrite(json, clock.instant());
    }
    if (taskId != null) {
      events.append(taskId, agent, UPDATED, json);
      events.write();
    }
  }

  private static String owner(String taskId, String sessionId) {
    if (taskId != null) {
      return "task:" + taskId;
    }
    if (sessionId != null) {
      return "session:" + sessionId;
    }
    throw new IllegalArgumentException("a todo list belongs to a task or a session");
  }
}
