package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One of each thing the API names by id, made on the shared server so that requests can aim at ids
 * that exist: a scripted provider, an agent, a finished task with its session, a paused schedule, a
 * sensor event, and viewer, operator and revoked API keys.
 *
 * @param ids the value of each path parameter ({@code name}, {@code id}…) by the resource it names,
 *     e.g. {@code agent → fz-agent}
 */
record Fixtures(Map<String, String> ids, String viewerKey, String operatorKey, String revokedKey) {

  private static final String JSON = "application/json";
  private static final String ADMIN = SharedServer.ADMIN;

  /** Makes the fixtures; every name starts with {@code prefix}. */
  static Fixtures create(String prefix) throws Exception {
    var api = SharedServer.api();
    var ids = new LinkedHashMap<String, String>();
    var provider = prefix + "-provider";
    created(
        api.post(
            "/api/v1/providers",
            ADMIN,
            JSON,
            "{\"name\":\""
                + provider
                + "\",\"kind\":\"scripted\",\"scriptedTurns\":[{\"text\":\"hello\"}],"
                + "\"prices\":{\"scripted\":{\"inputPerMillion\":1,\"outputPerMillion\":2}}}"));
    ids.put("provider", provider);
    var agent = prefix + "-agent";
    created(
        api.post(
            "/api/v1/agents",
            ADMIN,
            JSON,
            "{\"name\":\""
                + agent
                + "\",\"systemPrompt\":\"You help.\",\"provider\":\""
                + provider
                + "\",\"model\":\"scripted\",\"tools\":[\"current_time\"]}"));
    ids.put("agent", agent);
    var task =
        accepted(api.post("/api/v1/agents/" + agent + "/tasks", ADMIN, JSON, "{\"input\":\"hi\"}"));
    var done = TasksIT.awaitStatus(task, "completed");
    ids.put("task", task);
    ids.put("session", done.getString("sessionId"));
    ids.put("goals", endedGoal(api, agent));
    ids.put(
        "schedule",
        created(
                api.post(
                    "/api/v1/schedules",
                    ADMIN,
                    JSON,
                    "{\"name\":\""
                        + prefix
                        + "-schedule\",\"agent\":\""
                        + agent
                        + "\",\"task\":{\"input\":\"tick\"},\"intervalSeconds\":3600,"
                        + "\"paused\":true}"))
            .getString("id"));
    created(
        api.post(
            "/api/v1/sensors/events",
            ADMIN,
            JSON,
            "{\"sensorId\":\"" + prefix + "-sensor\",\"eventId\":\"e1\",\"payload\":{\"a\":1}}"));
    var skill = prefix + "-skill";
    created(
        api.post(
            "/api/v1/skills",
            ADMIN,
            JSON,
            "{\"name\":\""
                + skill
                + "\",\"description\":\"A fixture.\",\"content\":\"Do it.\","
                + "\"files\":{\"notes.md\":\"n\"}}"));
    ids.put("skills", skill);
    ids.put("files", "notes.md");
    ids.put("approvals", decidedApproval(api, prefix));
    var viewer = key(api, prefix + "-viewer", "viewer");
    var operator = key(api, prefix + "-operator", "operator");
    var revoked = key(api, prefix + "-revoked", "viewer");
    ids.put("apiKey", viewer.getString("id"));
    var mcpServer = prefix + "-mcp";
    created(
        api.post(
            "/api/v1/mcp-servers",
            ADMIN,
            JSON,
            "{\"name\":\""
                + mcpServer
                + "\",\"transport\":\"http\",\"url\":\""
                + SharedServer.get().base()
                + "/mcp\",\"headers\":{\"Authorization\":\"Bearer "
                + viewer.getString("token")
                + "\"}}"));
    ids.put("mcp-servers", mcpServer);
    // the first use makes the MCP session (cold: the SDK's classes load): done here, so that the
    // fuzz and role tests' requests find it made
    var tools = api.get("/api/v1/mcp-servers/" + mcpServer + "/tools", ADMIN);
    assertEquals(200, tools.status(), tools.body());
    ids.put("mcp-url", SharedServer.get().base() + "/mcp");
    assertEquals(204, api.delete("/api/v1/api-keys/" + revoked.getString("id"), ADMIN).status());
    ids.put("model", "scripted");
    var workflow = prefix + "-workflow";
    created(
        api.post(
            "/api/v1/workflows",
            ADMIN,
            JSON,
            "{\"name\":\""
                + workflow
                + "\",\"definition\":{\"root\":{\"kind\":\"agent\",\"agent\":\""
                + agent
                + "\"}}}"));
    ids.put("workflows", workflow);
    var run =
        api.post("/api/v1/workflows/" + workflow + "/runs", ADMIN, JSON, "{\"input\":\"hi\"}");
    assertEquals(202, run.status(), run.body());
    ids.put("workflow-runs", run.json().getString("id"));
    return new Fixtures(
        Map.copyOf(ids),
        viewer.getString("token"),
        operator.getString("token"),
        revoked.getString("token"));
  }

  /** The id standing for a path parameter of a route, e.g. {@code {name}} of {@code v1/agents}. */
  /**
   * A goal of the agent, ended: its plan ("hello") is refused, repaired twice and the goal fails,
   * so that no task of it is still active when the counts are taken.
   */
  private static String endedGoal(Api api, String planner) throws Exception {
    var reply =
        api.post(
            "/api/v1/goals", ADMIN, JSON, "{\"goal\":\"fixture\",\"planner\":\"" + planner + "\"}");
    if (reply.status() != 202) {
      throw new IllegalStateException("goal not accepted: " + reply.body());
    }
    var id = reply.json().getString("goalId");
    var deadline = java.time.Instant.now().plusSeconds(120);
    while (java.time.Instant.now().isBefore(deadline)) {
      if ("failed".equals(api.get("/api/v1/goals/" + id, ADMIN).json().getString("status"))) {
        return id;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the fixture goal never failed");
  }

  String idFor(String route, String parameter) {
    var segments = route.split("/");
    var at = java.util.Arrays.asList(segments).indexOf("{" + parameter + "}");
    var kind =
        switch (segments[at - 1]) {
          case "api-keys" -> "apiKey";
          case "agents", "capabilities" -> "agent";
          case "providers" -> "provider";
          case "schedules" -> "schedule";
          case "sessions", "threads" -> "session";
          case "tasks" -> "task";
          case "models" -> "model";
          default -> segments[at - 1];
        };
    var id = ids.get(kind);
    if (id == null) {
      throw new IllegalArgumentException("no fixture for " + parameter + " of " + route);
    }
    return id;
  }

  /**
   * How many agents, providers, schedules, API keys, sessions, sensor events and tasks exist, as
   * the API lists them. Tasks of schedules other than the fixture's are left out: other test
   * classes' schedules may fire meanwhile.
   */
  Map<String, Integer> counts() throws Exception {
    var api = SharedServer.api();
    var counts = new TreeMap<String, Integer>();
    counts.put("agents", api.get("/api/v1/agents", ADMIN).structure().asJsonArray().size());
    counts.put("providers", api.get("/api/v1/providers", ADMIN).structure().asJsonArray().size());
    counts.put("apiKeys", api.get("/api/v1/api-keys", ADMIN).structure().asJsonArray().size());
    counts.put("schedules", paged(api, "/api/v1/schedules"));
    counts.put("sensorEvents", paged(api, "/api/v1/sensors/events"));
    counts.put(
        "sessions",
        api.get("/api/v1/sessions?limit=1", ADMIN).json().getJsonNumber("total").intValue());
    counts.put("tasks", tasks(api));
    counts.put("skills", api.get("/api/v1/skills", ADMIN).structure().asJsonArray().size());
    return counts;
  }

  private static int paged(Api api, String path) throws Exception {
    int total = 0;
    for (int offset = 0; ; offset += 200) {
      var page = api.get(path + "?limit=200&offset=" + offset, ADMIN).structure().asJsonArray();
      total += page.size();
      if (page.size() < 200) {
        return total;
      }
    }
  }

  private int tasks(Api api) throws Exception {
    int total = 0;
    String cursor = null;
    var own = "schedule:" + ids.get("schedule");
    do {
      var page =
          api.get("/api/v1/tasks?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), ADMIN)
              .json();
      for (var item : page.getJsonArray("items")) {
        var tags = item.asJsonObject().getJsonArray("tags");
        boolean otherSchedule =
            tags != null
                && tags.getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString)
                    .anyMatch(t -> t.startsWith("schedule:") && !t.equals(own));
        total += otherSchedule ? 0 : 1;
      }
      cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
    } while (cursor != null);
    return total;
  }

  private static JsonObject key(Api api, String name, String role) throws Exception {
    return created(
        api.post(
            "/api/v1/api-keys",
            ADMIN,
            JSON,
            "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}"));
  }

  private static JsonObject created(Api.Reply reply) {
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  /**
   * The id of an approval decided already (a chat's call held for approval, then denied), so that a
   * decision sent to it is refused (409) whatever its body.
   */
  private static String decidedApproval(Api api, String prefix) throws Exception {
    var provider = prefix + "-held-provider";
    created(
        api.post(
            "/api/v1/providers",
            ADMIN,
            JSON,
            "{\"name\":\""
                + provider
                + "\",\"kind\":\"scripted\",\"scriptedTurns\":[{\"toolCalls\":"
                + "[{\"name\":\"current_time\",\"arguments\":{}}]},{\"text\":\"ok\"}]}"));
    var agent = prefix + "-held";
    created(
        api.post(
            "/api/v1/agents",
            ADMIN,
            JSON,
            "{\"name\":\""
                + agent
                + "\",\"systemPrompt\":\"You help.\",\"provider\":\""
                + provider
                + "\",\"model\":\"scripted\",\"tools\":[\"current_time\"],"
                + "\"toolSettings\":{\"current_time\":{\"approval\":\"always\"}}}"));
    var turn = api.post("/api/v1/agents/" + agent + "/chat", ADMIN, JSON, "{\"message\":\"t\"}");
    assertEquals(200, turn.status(), turn.body());
    var approval = turn.json().getString("approvalId");
    var denied = api.post("/api/v1/approvals/" + approval + "/deny", ADMIN, JSON, "{}");
    assertEquals(200, denied.status(), denied.body());
    return approval;
  }

  private static String accepted(Api.Reply reply) {
    assertEquals(202, reply.status(), reply.body());
    return reply.json().getString("taskId");
  }
}
