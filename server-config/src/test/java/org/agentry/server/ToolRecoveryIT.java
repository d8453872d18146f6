package org.agentry.server;

import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.agentry.server.TasksIT.events;
import static org.agentry.server.TasksIT.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tool's {@code onError} {@code repair} and {@code escalate} parts on the shared server, with a
 * scripted model: a {@code write_file} call without its {@code content} does not run and comes back
 * for repair ({@code tool.repair}), the repaired call writes the file; a {@code read_file} whose
 * error stands after its retries parks the task {@code waiting} (reason {@code tool_error}) until
 * an operator's answer over HTTP becomes the call's result. Bad policies are refused.
 */
class ToolRecoveryIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  @Test
  void invalidArgumentsAreRepairedByTheModelsNextCall() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"write_file\",\"arguments\":{\"path\":\"a.txt\"}}]},"
            + "{\"toolCalls\":[{\"name\":\"write_file\",\"arguments\":"
            + "{\"path\":\"a.txt\",\"content\":\"hello\"}}]},"
            + "{\"toolCalls\":[{\"name\":\"read_file\",\"arguments\":{\"path\":\"a.txt\"}}]},"
            + "{\"text\":\"written\"}]";
    var name = agent(turns, "[\"write_file\",\"read_file\"]", "write_file", "{\"repair\":{}}");

    var id = submit(name, "{\"input\":\"write it\"}").json().getString("taskId");
    var task = awaitStatus(id, "completed");
    assertEquals("written", task.getString("output"));

    var all = all(id);
    var repairs = ofType(all, "tool.repair");
    assertEquals(1, repairs.size(), all.toString());
    assertEquals("write_file", repairs.get(0).getString("name"));
    assertEquals(1, repairs.get(0).getInt("attempt"));
    assertEquals(
        List.of("/content: is required"),
        repairs.get(0).getJsonArray("errors").getValuesAs(jakarta.json.JsonString::getString));
    var ends = ofType(all, "tool.end");
    assertEquals(3, ends.size(), all.toString());
    assertTrue(ends.get(0).getString("error").startsWith("invalid arguments: /content"));
    assertFalse(ends.get(1).containsKey("error"), ends.get(1).toString());
    assertFalse(ends.get(2).containsKey("error"), "the repaired call wrote the file");
    var results = toolResults(task.getString("sessionId"));
    assertEquals("hello", results.get(2), results.toString());
  }

  @Test
  void aStandingToolErrorWaitsForAnOperatorWhoseAnswerTheModelReads() throws Exception {
    var missing = "missing-" + shortId() + ".txt";
    var turns =
        "[{\"toolCalls\":[{\"name\":\"read_file\",\"arguments\":{\"path\":\""
            + missing
            + "\"}}]},{\"text\":\"done\"}]";
    var name =
        agent(
            turns,
            "[\"read_file\"]",
            "read_file",
            "{\"retry\":{\"maxAttempts\":2,\"backoff\":\"PT0S\"},\"escalate\":true}");

    var id = submit(name, "{\"input\":\"read it\"}").json().getString("taskId");
    var waiting = awaitStatus(id, "waiting");
    assertTrue(waiting.getString("question").startsWith("read_file failed: "), waiting.toString());
    assertTrue(waiting.getString("question").endsWith("(after 2 attempts)"), waiting.toString());

    var all = all(id);
    assertEquals(1, ofType(all, "tool.retry").size(), all.toString());
    var escalated = ofType(all, "tool.escalated");
    assertEquals(1, escalated.size(), all.toString());
    assertEquals("read_file", escalated.get(0).getString("name"));
    assertEquals(2, escalated.get(0).getInt("attempts"));
    assertTrue(escalated.get(0).getString("arguments").contains(missing));
    var status =
        ofType(all, "status").stream()
            .filter(s -> "waiting".equals(s.getString("status")))
            .findFirst()
            .orElseThrow();
    assertEquals("tool_error", status.getString("reason"));
    assertEquals(waiting.getString("question"), status.getString("question"));

    var answered =
        SharedServer.api()
            .post(
                "/api/v1/tasks/" + id + "/respond",
                ADMIN,
                JSON,
                "{\"message\":\"the file says 42\"}");
    assertEquals(200, answered.status(), answered.body());
    var task = awaitStatus(id, "completed");
    assertEquals("done", task.getString("output"));
    assertEquals(List.of("the file says 42"), toolResults(task.getString("sessionId")));
    var ends = ofType(all(id), "tool.end");
    assertEquals(1, ends.size(), "the answer ends the escalated call");
    assertEquals("read_file", ends.get(0).getString("name"));
    assertFalse(ends.get(0).containsKey("error"), ends.get(0).toString());
  }

  @Test
  void badPoliciesAreRefused() throws Exception {
    for (var bad :
        List.of(
            "{\"repair\":{\"maxAttempts\":0}}",
            "{\"repair\":true}",
            "{\"escalate\":\"yes\"}",
            "{\"report\":true}")) {
      var body =
          agentJson(
              "a-" + shortId(),
              scriptedProvider("[{\"text\":\"x\"}]"),
              "[\"read_file\"]",
              ",\"toolSettings\":{\"read_file\":{\"onError\":" + bad + "}}");
      var refused = SharedServer.api().post("/api/v1/agents", ADMIN, JSON, body);
      assertEquals(400, refused.status(), bad + ": " + refused.body());
      var problem = refused.json();
      assertEquals("VALIDATION_FAILED", problem.getString("code"), refused.body());
      assertTrue(refused.body().contains("toolSettings.read_file.onError"), refused.body());
    }
  }

  private static String agent(String turns, String tools, String tool, String onError)
      throws Exception {
    var name = "a-" + shortId();
    var settings = ",\"toolSettings\":{\"" + tool + "\":{\"onError\":" + onError + "}}";
    var created =
        SharedServer.api()
            .post(
                "/api/v1/agents",
                ADMIN,
                JSON,
                agentJson(name, scriptedProvider(turns), tools, settings));
    assertEquals(201, created.status(), created.body());
    return name;
  }

  private static List<JsonObject> all(String id) throws Exception {
    return events(id, 0).stream().map(e -> e.asJsonObject()).toList();
  }

  private static List<JsonObject> ofType(List<JsonObject> events, String type) {
    return events.stream()
        .filter(e -> type.equals(e.getString("type")))
        .map(e -> e.getJsonObject("data"))
        .toList();
  }

  /** The contents of the session's tool results, in order. */
  private static List<String> toolResults(String sessionId) throws Exception {
    var messages =
        (JsonArray)
            SharedServer.api()
                .get("/api/v1/sessions/" + sessionId + "/messages", ADMIN)
                .structure();
    return messages.stream()
        .map(m -> m.asJsonObject())
        .filter(m -> "tool".equals(m.getString("role")))
        .map(m -> m.getString("content", ""))
        .toList();
  }
}
