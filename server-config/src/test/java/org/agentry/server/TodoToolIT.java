package org.agentry.server;

import static org.agentry.server.AgentsIT.agent;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.agentry.server.TasksIT.events;
import static org.agentry.server.TasksIT.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code todo} tool on the shared server: each change appears as a {@code todo.updated} task
 * event with the whole list, and the list survives the task's stop for {@code ask_user} and its
 * resume.
 */
class TodoToolIT {

  private static final String ADMIN = SharedServer.ADMIN;

  private static String call(String name, String arguments) {
    return "{\"name\":\"" + name + "\",\"arguments\":" + arguments + "}";
  }

  @Test
  void changesAreTaskEventsAndTheListSurvivesAResume() throws Exception {
    var turns =
        "[{\"toolCalls\":["
            + call("todo", "{\"action\":\"add\",\"items\":[\"read\",\"write\"]}")
            + "]},{\"toolCalls\":["
            + call("ask_user", "{\"question\":\"Go on?\"}")
            + "]},{\"toolCalls\":["
            + call("todo", "{\"action\":\"update\",\"id\":2,\"status\":\"done\"}")
            + "]},{\"text\":\"finished\"}]";
    var agent = agent(scriptedProvider(turns), "[\"todo\",\"ask_user\"]");
    var id = submit(agent, "{\"input\":\"plan it\"}").json().getString("taskId");

    awaitStatus(id, "waiting");
    var answer = Json.createObjectBuilder().add("message", "yes").build().toString();
    var answered =
        SharedServer.api()
            .post("/api/v1/tasks/" + id + "/respond", ADMIN, "application/json", answer);
    assertEquals(200, answered.status(), answered.body());
    awaitStatus(id, "completed");

    var lists =
        events(id, 0).stream()
            .map(e -> e.asJsonObject())
            .filter(e -> "todo.updated".equals(e.getString("type")))
            .map(e -> e.getJsonObject("data").getJsonArray("items"))
            .toList();
    assertEquals(2, lists.size(), lists.toString());
    assertEquals(
        List.of("pending", "pending"), statuses(lists.get(0).getValuesAs(JsonObject.class)));
    assertEquals(
        List.of("pending", "done"),
        statuses(lists.get(1).getValuesAs(JsonObject.class)),
        "the update after the resume found the list made before it");
    assertEquals("write", lists.get(1).getJsonObject(1).getString("text"));
  }

  private static List<String> statuses(List<JsonObject> items) {
    return items.stream().map(i -> i.getString("status")).toList();
  }
}
