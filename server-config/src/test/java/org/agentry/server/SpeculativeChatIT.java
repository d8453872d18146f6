package org.agentry.server;

import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.agentry.server.TasksIT.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speculative chat on the shared server: the agent's fast model ({@code speculativeModel}) answers
 * at once, and a task on its model appends the considered answer to the same session as a
 * follow-up, without repeating the user's message; an agent without a fast model is refused.
 */
class SpeculativeChatIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  /** One scripted provider, whose turns differ by model: {@code fast} and {@code scripted}. */
  private static final String TURNS =
      "[{\"text\":\"a quick guess\",\"model\":\"fast\"},"
          + "{\"text\":\"the considered answer\",\"model\":\"scripted\",\"delayMs\":300}]";

  private static String agent(String extra) throws Exception {
    var name = "spec-" + shortId();
    var created =
        SharedServer.api()
            .post(
                "/api/v1/agents",
                ADMIN,
                JSON,
                agentJson(name, scriptedProvider(TURNS), "[]", extra));
    assertEquals(201, created.status(), created.body());
    return name;
  }

  @Test
  void theFastAnswerComesAtOnceAndTheFullOneFollowsInTheSession() throws Exception {
    var agent = agent(",\"speculativeModel\":\"fast\"");
    assertEquals(
        "fast",
        SharedServer.api()
            .get("/api/v1/agents/" + agent, ADMIN)
            .json()
            .getString("speculativeModel"));

    var reply =
        SharedServer.api()
            .post(
                "/api/v1/agents/" + agent + "/chat",
                ADMIN,
                JSON,
                "{\"message\":\"what is the answer?\",\"speculative\":true}");

    assertEquals(200, reply.status(), reply.body());
    var chat = reply.json();
    assertEquals("a quick guess", chat.getString("reply"));
    assertTrue(chat.getBoolean("speculative"));
    var taskId = chat.getString("taskId");
    var sessionId = chat.getString("sessionId");
    var task = awaitStatus(taskId, "completed");
    assertEquals("the considered answer", task.getString("output"));
    assertEquals(sessionId, task.getString("sessionId"));
    var followups =
        events(taskId, 0).stream()
            .map(e -> e.asJsonObject())
            .filter(e -> "speculative.followup".equals(e.getString("type")))
            .toList();
    assertEquals(1, followups.size(), followups.toString());
    assertEquals(
        "the considered answer", followups.get(0).getJsonObject("data").getString("content"));
    var messages =
        (JsonArray)
            SharedServer.api()
                .get("/api/v1/sessions/" + sessionId + "/messages?limit=200", ADMIN)
                .structure();
    var transcript =
        messages.stream()
            .map(m -> m.asJsonObject())
            .map(m -> m.getString("role") + ": " + m.getString("content", ""))
            .toList();
    assertEquals(
        List.of(
            "user: what is the answer?",
            "assistant: a quick guess",
            "assistant: the considered answer"),
        transcript);
  }

  @Test
  void anAgentWithoutAFastModelIsRefusedAndAPlainChatIsNotSpeculative() throws Exception {
    var agent = agent("");

    var refused =
        SharedServer.api()
            .post(
                "/api/v1/agents/" + agent + "/chat",
                ADMIN,
                JSON,
                "{\"message\":\"hi\",\"speculative\":true}");
    assertEquals(422, refused.status(), refused.body());
    assertEquals("NO_SPECULATIVE_MODEL", refused.json().getString("code"));

    var plain =
        SharedServer.api()
            .post("/api/v1/agents/" + agent + "/chat", ADMIN, JSON, "{\"message\":\"hi\"}");
    assertEquals(200, plain.status(), plain.body());
    assertEquals("the considered answer", plain.json().getString("reply"));
    assertFalse(plain.json().containsKey("taskId"));
  }
}
