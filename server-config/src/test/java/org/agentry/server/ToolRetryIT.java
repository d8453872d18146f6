package org.agentry.server;

import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.agentry.server.TasksIT.events;
import static org.agentry.server.TasksIT.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A tool's {@code onError} retry policy on the shared server: a {@code read_file} of a missing file
 * fails every attempt; each failed attempt but the last is a {@code tool.retry} task event with its
 * backoff doubling, and the model gets the error with the number of attempts. A bad policy is
 * refused.
 */
class ToolRetryIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  @Test
  void eachFailedAttemptIsATaskEventAndTheModelLearnsHowManyWereMade() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"read_file\",\"arguments\":{\"path\":\"missing-"
            + shortId()
            + ".txt\"}}]},{\"text\":\"gave up\"}]";
    var name = "a-" + shortId();
    var settings =
        ",\"toolSettings\":{\"read_file\":{\"onError\":{\"retry\":"
            + "{\"maxAttempts\":3,\"backoff\":\"PT0.05S\"}}}}";
    var created =
        SharedServer.api()
            .post(
                "/api/v1/agents",
                ADMIN,
                JSON,
                agentJson(name, scriptedProvider(turns), "[\"read_file\"]", settings));
    assertEquals(201, created.status(), created.body());

    var id = submit(name, "{\"input\":\"read it\"}").json().getString("taskId");
    assertEquals("gave up", awaitStatus(id, "completed").getString("output"));

    var all = events(id, 0).stream().map(e -> e.asJsonObject()).toList();
    var retries =
        all.stream().filter(e -> "tool.retry".equals(e.getString("type"))).map(this::data).toList();
    assertEquals(2, retries.size(), all.toString());
    assertEquals(1, retries.get(0).getInt("attempt"));
    assertEquals(50, retries.get(0).getJsonNumber("backoffMs").longValue());
    assertEquals(2, retries.get(1).getInt("attempt"));
    assertEquals(100, retries.get(1).getJsonNumber("backoffMs").longValue());
    assertEquals("read_file", retries.get(1).getString("name"));
    var end =
        all.stream()
            .filter(e -> "tool.end".equals(e.getString("type")))
            .map(this::data)
            .findFirst()
            .orElseThrow();
    assertTrue(end.getString("error").endsWith("(after 3 attempts)"), end.toString());
  }

  @Test
  void aBadPolicyIsRefused() throws Exception {
    var body =
        agentJson(
            "a-" + shortId(),
            scriptedProvider("[{\"text\":\"x\"}]"),
            "[\"read_file\"]",
            ",\"toolSettings\":{\"read_file\":{\"onError\":{\"retry\":{\"maxAttempts\":0}}}}");
    var refused = SharedServer.api().post("/api/v1/agents", ADMIN, JSON, body);
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.body().contains("toolSettings.read_file.onError"), refused.body());
  }

  private JsonObject data(JsonObject event) {
    return event.getJsonObject("data");
  }
}
