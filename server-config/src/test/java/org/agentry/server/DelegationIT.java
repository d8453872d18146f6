package org.agentry.server;

import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.agentry.server.TasksIT.events;
import static org.agentry.server.TasksIT.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Delegation on the shared server: an agent calling two other agents as tools parks its task
 * ({@code waiting}, reason {@code children}) while both child tasks run, then resumes with their
 * outputs as the calls' results; a failed child is the call's error; cancelling the parent cancels
 * its children; a self-delegating agent stops at the depth limit (3).
 */
class DelegationIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  /** An agent on a new scripted provider; {@code extra} adds fields to its definition. */
  private static String agent(String name, String turns, String tools, String extra)
      throws Exception {
    var created =
        SharedServer.api()
            .post(
                "/api/v1/agents",
                ADMIN,
                JSON,
                agentJson(name, scriptedProvider(turns), tools, extra));
    assertEquals(201, created.status(), created.body());
    return name;
  }

  private static String call(String agent, String input) {
    return "{\"name\":\"" + agent + "\",\"arguments\":{\"input\":\"" + input + "\"}}";
  }

  private static List<JsonObject> eventsOf(String taskId, String type) throws Exception {
    return events(taskId, 0).stream()
        .map(e -> e.asJsonObject())
        .filter(e -> type.equals(e.getString("type")))
        .toList();
  }

  /** The results of the session's tool calls, as the model reads them, by call id. */
  private static java.util.Map<String, String> toolResults(String sessionId) throws Exception {
    var messages =
        (JsonArray)
            SharedServer.api()
                .get("/api/v1/sessions/" + sessionId + "/messages?limit=200", ADMIN)
                .structure();
    var results = new java.util.TreeMap<String, String>();
    messages.stream()
        .map(v -> v.asJsonObject())
        .filter(m -> "tool".equals(m.getString("role")))
        .forEach(m -> results.put(m.getString("toolCallId"), m.getString("content")));
    return results;
  }

  private static String task(String agent) throws Exception {
    var submitted = submit(agent, "{\"input\":\"do the work\"}");
    assertEquals(202, submitted.status(), submitted.body());
    return submitted.json().getString("taskId");
  }

  @Test
  void twoDelegatesRunAsChildTasksAndTheirOutputsAreTheCallsResults() throws Exception {
    var researcher = agent("r-" + shortId(), "[{\"text\":\"the facts\"}]", "[]", "");
    var writer = agent("w-" + shortId(), "[{\"text\":\"the draft\",\"delayMs\":300}]", "[]", "");
    var lead =
        agent(
            "lead-" + shortId(),
            "[{\"toolCalls\":["
                + call(researcher, "find the facts")
                + ","
                + call(writer, "write the draft")
                + "]},{\"text\":\"combined\"}]",
            "[]",
            ",\"delegates\":[\"" + researcher + "\",\"" + writer + "\"]");
    var described = SharedServer.api().get("/api/v1/agents/" + lead, ADMIN).json();
    assertEquals(
        List.of(researcher, writer),
        described.getJsonArray("delegates").getValuesAs(jakarta.json.JsonString::getString));

    var id = task(lead);
    var done = awaitStatus(id, "completed");

    assertEquals("combined", done.getString("output"));
    var started = eventsOf(id, "delegation.started");
    assertEquals(2, started.size(), started.toString());
    var waiting =
        eventsOf(id, "status").stream()
            .map(e -> e.getJsonObject("data"))
            .filter(d -> "waiting".equals(d.getString("status")))
            .toList();
    assertEquals(1, waiting.size(), waiting.toString());
    assertEquals("children", waiting.get(0).getString("reason"));
    for (var event : started) {
      var child =
          SharedServer.api()
              .get("/api/v1/tasks/" + event.getJsonObject("data").getString("childTaskId"), ADMIN)
              .json();
      assertEquals(id, child.getString("parentTaskId"));
      assertEquals("completed", child.getString("status"));
    }
    var children =
        SharedServer.api()
            .get("/api/v1/tasks?parentTaskId=" + id, ADMIN)
            .json()
            .getJsonArray("items");
    assertEquals(
        started.stream()
            .map(e -> e.getJsonObject("data").getString("childTaskId"))
            .collect(java.util.stream.Collectors.toSet()),
        children.stream()
            .map(c -> c.asJsonObject().getString("taskId"))
            .collect(java.util.stream.Collectors.toSet()),
        "the list filtered by parentTaskId holds exactly the children");
    var ended = eventsOf(id, "delegation.ended");
    assertEquals(2, ended.size(), ended.toString());
    assertTrue(
        started.get(1).getJsonNumber("id").longValue()
            < ended.get(0).getJsonNumber("id").longValue(),
        "both children started before either ended");
    var results = toolResults(done.getString("sessionId"));
    assertEquals(
        java.util.Map.of("call_0_0", "the facts", "call_0_1", "the draft"),
        results,
        results.toString());
  }

  @Test
  void eightChildrenEndingAtOnceResumeTheParentExactlyOnce() throws Exception {
    var quick = agent("q-" + shortId(), "[{\"text\":\"ok\"}]", "[]", "");
    var calls = new java.util.StringJoiner(",");
    for (int i = 0; i < 8; i++) {
      calls.add(call(quick, "part " + i));
    }
    var lead =
        agent(
            "lead-" + shortId(),
            "[{\"toolCalls\":[" + calls + "]},{\"text\":\"joined\"}]",
            "[]",
            ",\"delegates\":[\"" + quick + "\"]");

    var id = task(lead);
    var done = awaitStatus(id, "completed");

    assertEquals("joined", done.getString("output"));
    assertEquals(8, eventsOf(id, "delegation.ended").size());
    var statuses =
        eventsOf(id, "status").stream()
            .map(e -> e.getJsonObject("data").getString("status"))
            .toList();
    assertEquals(
        List.of("queued", "running", "waiting", "queued", "running", "completed"),
        statuses,
        "one resume after the eighth child");
    assertEquals(8, toolResults(done.getString("sessionId")).size());
  }

  @Test
  void aFailedChildIsTheCallsErrorAndAnUnknownDelegateIsNotOffered() throws Exception {
    var failing =
        agent(
            "f-" + shortId(),
            "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}]}]",
            "[\"current_time\"]",
            ",\"limits\":{\"maxIterations\":1}");
    var missing = "gone-" + shortId();
    var lead =
        agent(
            "lead-" + shortId(),
            "[{\"toolCalls\":["
                + call(failing, "try")
                + ","
                + call(missing, "try")
                + "]},{\"text\":\"coped\"}]",
            "[]",
            ",\"delegates\":[\"" + failing + "\",\"" + missing + "\"]");

    var id = task(lead);
    var done = awaitStatus(id, "completed");

    var results = toolResults(done.getString("sessionId"));
    assertTrue(
        results.get("call_0_0").startsWith("Error: " + failing + " task "), results.toString());
    assertTrue(results.get("call_0_0").contains(" failed"), results.toString());
    assertTrue(results.get("call_0_1").startsWith("Error:"), results.toString());
    var ended = eventsOf(id, "delegation.ended");
    assertEquals(1, ended.size(), ended.toString());
    assertEquals("failed", ended.get(0).getJsonObject("data").getString("status"));
  }

  @Test
  void theChildrensTokensCountTowardTheParentsTaskBudget() throws Exception {
    var small = ",\"maxOutputTokens\":50";
    var child =
        agent(
            "c-" + shortId(),
            "[{\"text\":\"done\",\"promptTokens\":100,\"completionTokens\":100}]",
            "[]",
            small);
    var lead =
        agent(
            "lead-" + shortId(),
            "[{\"toolCalls\":["
                + call(child, "one")
                + ","
                + call(child, "two")
                + "],\"promptTokens\":300,\"completionTokens\":300},{\"text\":\"over\"}]",
            "[]",
            small + ",\"limits\":{\"tokenBudget\":1000},\"delegates\":[\"" + child + "\"]");

    var id = task(lead);
    var failed = awaitStatus(id, "failed");

    assertEquals("budget_exceeded", failed.getString("stopReason"), failed.toString());
    for (var started : eventsOf(id, "delegation.started")) {
      var childId = started.getJsonObject("data").getString("childTaskId");
      assertEquals("completed", awaitStatus(childId, "completed").getString("status"));
    }
    assertEquals(2, eventsOf(id, "delegation.ended").size());
  }

  @Test
  void cancellingTheParentCancelsItsChildren() throws Exception {
    var slow = agent("s-" + shortId(), "[{\"text\":\"late\",\"delayMs\":4000}]", "[]", "");
    var lead =
        agent(
            "lead-" + shortId(),
            "[{\"toolCalls\":[" + call(slow, "take your time") + "]},{\"text\":\"never\"}]",
            "[]",
            ",\"delegates\":[\"" + slow + "\"]");
    var id = task(lead);
    awaitStatus(id, "waiting");
    var childId =
        eventsOf(id, "delegation.started").get(0).getJsonObject("data").getString("childTaskId");

    var cancelled = SharedServer.api().post("/api/v1/tasks/" + id + "/cancel", ADMIN, JSON, "{}");
    assertEquals(200, cancelled.status(), cancelled.body());

    awaitStatus(childId, "cancelled");
    assertEquals("cancelled", awaitStatus(id, "cancelled").getString("status"));
    assertTrue(eventsOf(id, "delegation.ended").isEmpty(), "a cancelled parent takes no result");
  }

  @Test
  void aSelfDelegatingAgentStopsAtTheDepthLimit() throws Exception {
    var name = "deep-" + shortId();
    agent(
        name,
        "[{\"toolCalls\":[" + call(name, "go deeper") + "]},{\"text\":\"surfaced\"}]",
        "[]",
        ",\"delegates\":[\"" + name + "\"]");

    var id = task(name);
    var done = awaitStatus(id, "completed");

    assertEquals("surfaced", done.getString("output"));
    var chain = new java.util.ArrayList<String>();
    var current = id;
    while (true) {
      chain.add(current);
      var started = eventsOf(current, "delegation.started");
      if (started.isEmpty()) {
        break;
      }
      current = started.get(0).getJsonObject("data").getString("childTaskId");
    }
    assertEquals(4, chain.size(), "depths 0 to 3: " + chain);
    var deepest = SharedServer.api().get("/api/v1/tasks/" + current, ADMIN).json();
    var refused = toolResults(deepest.getString("sessionId")).get("call_0_0");
    assertTrue(refused.contains("the delegation depth limit of 3 is reached"), refused);
  }
}
