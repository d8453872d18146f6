package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Role × endpoint: every endpoint under {@code /api} called with no token, a viewer key, an
 * operator key and the admin token. Without a token the answer is 401, below the endpoint's minimum
 * role 403 (both problem+json), and from the minimum role up the status of the row's probe (its
 * 2xx, or the 4xx it documents for an absent id or a state that refuses the probe: what matters is
 * that authorisation let it through). The table must name every resource method of web-module, so
 * that a new endpoint without a row fails here.
 */
class RoleMatrixIT {

  /** The roles, lowest first; each includes the ones below it. */
  enum Role {
    VIEWER,
    OPERATOR,
    ADMIN
  }

  /**
   * One endpoint and the probe sent to it.
   *
   * @param route relative to {@code /api}; {@code {…}} parameters get a fixture's id, or an absent
   *     one when {@code absent}
   * @param minimum the lowest role allowed
   * @param allowed the status a caller of the minimum role or above gets for the probe
   * @param body the probe's JSON body; {@code ${provider}}, {@code ${agent}}, {@code ${unique}} and
   *     {@code ${base}} (the server's URL) are replaced
   */
  record Row(
      String method,
      String route,
      Role minimum,
      int allowed,
      boolean absent,
      String body,
      Map<String, String> headers) {

    Row absentId() {
      return new Row(method, route, minimum, allowed, true, body, headers);
    }

    Row body(String json) {
      return new Row(method, route, minimum, allowed, absent, json, headers);
    }

    Row header(String name, String value) {
      var more = new java.util.LinkedHashMap<>(headers);
      more.put(name, value);
      return new Row(method, route, minimum, allowed, absent, body, Map.copyOf(more));
    }

    String key() {
      return method + " " + route;
    }
  }

  private static Row row(String method, String route, Role minimum, int allowed) {
    return new Row(method, route, minimum, allowed, false, null, Map.of());
  }

  private static final String SSE = "text/event-stream";

  /** The documented matrix (README, "API"), in the order the probes run. */
  static final List<Row> MATRIX =
      List.of(
          row("GET", "v1/info", Role.VIEWER, 200),
          // any authenticated caller, also one without a role (OidcIT covers that case)
          row("GET", "v1/me", Role.VIEWER, 200),
          row("GET", "v1/api-keys", Role.ADMIN, 200),
          row("POST", "v1/api-keys", Role.ADMIN, 201)
              .body("{\"name\":\"mx-${unique}\",\"role\":\"viewer\"}"),
          row("GET", "v1/api-keys/{id}", Role.ADMIN, 200),
          row("DELETE", "v1/api-keys/{id}", Role.ADMIN, 404).absentId(),
          row("GET", "v1/agents", Role.VIEWER, 200),
          row("POST", "v1/agents", Role.OPERATOR, 201)
              .body(
                  "{\"name\":\"mx-${unique}\",\"systemPrompt\":\"p\",\"provider\":\"${provider}\","
                      + "\"model\":\"scripted\"}"),
          row("GET", "v1/agents/{name}", Role.VIEWER, 200),
          row("PUT", "v1/agents/{name}", Role.OPERATOR, 200)
              .header("If-Match", "*")
              .body(
                  "{\"systemPrompt\":\"You help.\",\"provider\":\"${provider}\",\"model\":\"scripted\"}"),
          row("DELETE", "v1/agents/{name}", Role.OPERATOR, 404).absentId(),
          row("POST", "v1/agents/{name}/pause", Role.OPERATOR, 200),
          row("POST", "v1/agents/{name}/resume", Role.OPERATOR, 200),
          row("POST", "v1/agents/reload", Role.ADMIN, 200),
          row("GET", "v1/skills", Role.VIEWER, 200),
          row("POST", "v1/skills", Role.ADMIN, 201)
              .body("{\"name\":\"mx-${unique}\",\"description\":\"d\",\"content\":\"c\"}"),
          row("GET", "v1/skills/{name}", Role.VIEWER, 200),
          row("GET", "v1/skills/{name}/files/{path: .+}", Role.VIEWER, 200),
          row("PUT", "v1/skills/{name}", Role.ADMIN, 200)
              .header("If-Match", "*")
              .body("{\"description\":\"d\",\"content\":\"c\",\"files\":{\"notes.md\":\"n\"}}"),
          row("DELETE", "v1/skills/{name}", Role.ADMIN, 404).absentId(),
          row("POST", "v1/skills/discover", Role.ADMIN, 200),
          row("GET", "v1/mcp-servers", Role.VIEWER, 200),
          row("POST", "v1/mcp-servers", Role.ADMIN, 201)
              .body(
                  "{\"name\":\"mx-${unique}\",\"transport\":\"http\","
                      + "\"url\":\"http://127.0.0.1:9/mcp\"}"),
          row("GET", "v1/mcp-servers/{name}", Role.VIEWER, 200),
          row("GET", "v1/mcp-servers/{name}/tools", Role.VIEWER, 200),
          row("PUT", "v1/mcp-servers/{name}", Role.ADMIN, 200)
              .header("If-Match", "*")
              .body("{\"transport\":\"http\",\"url\":\"${base}/mcp\"}"),
          row("DELETE", "v1/mcp-servers/{name}", Role.ADMIN, 404).absentId(),
          row("GET", "v1/agents/{name}/package", Role.VIEWER, 200),
          row("GET", "v1/agents/{name}/schema", Role.VIEWER, 404), // the fixture agent has none
          row("POST", "v1/agents/{name}/chat", Role.OPERATOR, 200).body("{\"message\":\"hi\"}"),
          row("GET", "v1/agents/{name}/budget", Role.VIEWER, 200),
          row("PUT", "v1/agents/{name}/budget", Role.OPERATOR, 200)
              .body("{\"dailyTokens\":1000000}"),
          row("POST", "v1/agents/{name}/tasks", Role.OPERATOR, 202).body("{\"input\":\"hi\"}"),
          row("GET", "v1/models", Role.VIEWER, 200),
          row("GET", "v1/providers", Role.VIEWER, 200),
          row("POST", "v1/providers", Role.ADMIN, 201)
              .body(
                  "{\"name\":\"mx-${unique}\",\"kind\":\"scripted\",\"scriptedTurns\":[{\"text\":\"x\"}]}"),
          row("GET", "v1/providers/{name}", Role.VIEWER, 200),
          row("PUT", "v1/providers/{name}", Role.ADMIN, 200)
              .body("{\"kind\":\"scripted\",\"scriptedTurns\":[{\"text\":\"hello\"}]}"),
          row("DELETE", "v1/providers/{name}", Role.ADMIN, 404).absentId(),
          row("GET", "v1/schedules", Role.VIEWER, 200),
          row("POST", "v1/schedules", Role.OPERATOR, 201)
              .body(
                  "{\"name\":\"mx\",\"agent\":\"${agent}\",\"task\":{\"input\":\"x\"},"
                      + "\"intervalSeconds\":3600,\"paused\":true}"),
          // the probe has no query: 400 VALIDATION_FAILED for the missing cron expression
          row("GET", "v1/schedules/preview", Role.VIEWER, 400),
          row("GET", "v1/schedules/upcoming", Role.VIEWER, 200),
          row("GET", "v1/schedules/{id}", Role.VIEWER, 200),
          row("PUT", "v1/schedules/{id}", Role.OPERATOR, 200)
              .header("If-Match", "*")
              .body(
                  "{\"name\":\"mx\",\"agent\":\"${agent}\",\"task\":{\"input\":\"x\"},"
                      + "\"intervalSeconds\":3600,\"paused\":true}"),
          row("DELETE", "v1/schedules/{id}", Role.OPERATOR, 404).absentId(),
          row("POST", "v1/schedules/{id}/resume", Role.OPERATOR, 200),
          row("POST", "v1/schedules/{id}/pause", Role.OPERATOR, 200),
          row("POST", "v1/schedules/{id}/run-now", Role.OPERATOR, 202),
          row("GET", "v1/schedules/{id}/runs", Role.VIEWER, 200),
          row("POST", "v1/sensors/events", Role.OPERATOR, 201)
              .body("{\"sensorId\":\"mx\",\"dedupeKey\":\"${unique}\"}"),
          row("GET", "v1/sensors/events", Role.VIEWER, 200),
          row("GET", "v1/sessions", Role.VIEWER, 200),
          row("GET", "v1/sessions/{id}", Role.VIEWER, 200),
          row("GET", "v1/sessions/{id}/messages", Role.VIEWER, 200),
          row("DELETE", "v1/sessions/{id}", Role.OPERATOR, 404).absentId(),
          row("POST", "v1/sessions/{id}/kill", Role.OPERATOR, 404).absentId(),
          row("POST", "v1/inject", Role.OPERATOR, 202)
              .body("{\"to\":\"${agent}\",\"payload\":\"hi\"}"),
          row("GET", "v1/threads", Role.VIEWER, 200),
          row("GET", "v1/threads/{id}", Role.VIEWER, 200),
          row("GET", "v1/threads/{id}/messages", Role.VIEWER, 200),
          row("POST", "v1/threads/{id}/kill", Role.OPERATOR, 404).absentId(),
          row("GET", "v1/messages", Role.VIEWER, 200),
          row("GET", "v1/tasks", Role.VIEWER, 200),
          row("GET", "v1/tasks/{id}", Role.VIEWER, 200),
          row("GET", "v1/tasks/{id}/context", Role.VIEWER, 200),
          row("GET", "v1/tasks/{id}/events", Role.VIEWER, 200),
          row("GET", "v1/tasks/{id}/stream", Role.VIEWER, 200).header("Accept", SSE),
          row("POST", "v1/tasks/{id}/cancel", Role.OPERATOR, 404).absentId(),
          // the fixture task has finished, so an answer is refused after authorisation
          row("POST", "v1/tasks/{id}/respond", Role.OPERATOR, 400).body("{\"message\":\"ok\"}"),
          row("DELETE", "v1/tasks/{id}", Role.OPERATOR, 404).absentId(),
          row("GET", "v1/stream", Role.VIEWER, 200).header("Accept", SSE),
          row("GET", "v1/goals", Role.VIEWER, 200),
          // an unknown planner: refused after authorisation, so that the probe starts no tasks
          row("POST", "v1/goals", Role.OPERATOR, 422)
              .body("{\"goal\":\"x\",\"planner\":\"mx-absent-planner\"}"),
          row("GET", "v1/goals/{id}", Role.VIEWER, 200),
          row("GET", "v1/goals/{id}/events", Role.VIEWER, 200),
          row("GET", "v1/goals/{id}/stream", Role.VIEWER, 200).header("Accept", SSE),
          // the fixture goal has ended: a cancel is refused after authorisation
          row("POST", "v1/goals/{id}/cancel", Role.OPERATOR, 409),
          row("GET", "v1/approvals", Role.VIEWER, 200),
          row("GET", "v1/approvals/{id}", Role.VIEWER, 200),
          // who may decide is the approval's approver role, checked once the approval is found
          row("POST", "v1/approvals/{id}/approve", Role.VIEWER, 404).absentId().body("{}"),
          row("POST", "v1/approvals/{id}/deny", Role.VIEWER, 404).absentId().body("{}"),
          row("GET", "v1/dispatch", Role.VIEWER, 200),
          row("POST", "v1/dispatch/pause", Role.ADMIN, 200),
          row("POST", "v1/dispatch/resume", Role.ADMIN, 200),
          row("GET", "v1/usage", Role.VIEWER, 200),
          row("GET", "v1/usage/agents/{name}", Role.VIEWER, 200),
          row("GET", "v1/usage/models/{model}", Role.VIEWER, 200),
          row("GET", "v1/usage/sessions/{id}", Role.VIEWER, 200),
          row("GET", "v1/usage/tasks/{id}", Role.VIEWER, 200),
          row("GET", "v1/usage/threads", Role.VIEWER, 200),
          row("GET", "v1/usage/threads/{id}", Role.VIEWER, 200),
          row("GET", "v1/usage/export", Role.VIEWER, 200),
          row("GET", "v1/usage/budgets", Role.VIEWER, 200),
          row("POST", "v1/usage/reset", Role.ADMIN, 200),
          row("GET", "v1/audit", Role.ADMIN, 200),
          row("GET", "v1/audit/export", Role.ADMIN, 200),
          row("GET", "v1/organism", Role.VIEWER, 200),
          row("GET", "v1/organism/config", Role.ADMIN, 200),
          row("POST", "v1/organism/reload", Role.ADMIN, 200),
          // a good body would drain the shared server: the probe's is refused after authorisation
          row("POST", "v1/organism/stop", Role.ADMIN, 400).body("{\"deadlineSeconds\":-1}"),
          row("GET", "v1/workflows", Role.VIEWER, 200),
          row("POST", "v1/workflows", Role.OPERATOR, 201)
              .body(
                  "{\"name\":\"mx-wf-${unique}\","
                      + "\"definition\":{\"root\":{\"kind\":\"agent\",\"agent\":\"${agent}\"}}}"),
          row("GET", "v1/workflows/{name}", Role.VIEWER, 200),
          row("PUT", "v1/workflows/{name}", Role.OPERATOR, 200)
              .body("{\"definition\":{\"root\":{\"kind\":\"agent\",\"agent\":\"${agent}\"}}}")
              .header("If-Match", "*"),
          row("DELETE", "v1/workflows/{name}", Role.OPERATOR, 404).absentId(),
          row("POST", "v1/workflows/{name}/runs", Role.OPERATOR, 202).body("{\"input\":\"hi\"}"),
          row("GET", "v1/workflow-runs", Role.VIEWER, 200),
          row("GET", "v1/workflow-runs/{id}", Role.VIEWER, 200),
          row("GET", "v1/workflow-runs/{id}/events", Role.VIEWER, 200),
          row("POST", "v1/workflow-runs/{id}/events", Role.OPERATOR, 404)
              .absentId()
              .body("{\"type\":\"approved\"}"),
          row("GET", "v1/workflow-runs/{id}/stream", Role.VIEWER, 200).header("Accept", SSE),
          row("POST", "v1/workflow-runs/{id}/cancel", Role.OPERATOR, 404).absentId(),
          row("GET", "v1/capabilities", Role.OPERATOR, 200),
          row("GET", "v1/capabilities/{name}", Role.OPERATOR, 200));

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final AtomicInteger UNIQUE = new AtomicInteger();

  private static Fixtures fixtures;
  private static String base;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() throws Exception {
    base = SharedServer.get().base();
    fixtures = Fixtures.create("mx");
  }

  @Test
  void everyResourceMethodHasARow() throws Exception {
    var table = MATRIX.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
    var resources = ResourceRoutes.all();
    var missing = new TreeSet<>(resources);
    missing.removeAll(table);
    var stale = new TreeSet<>(table);
    stale.removeAll(resources);
    assertTrue(missing.isEmpty(), "resource methods without a matrix row: " + missing);
    assertTrue(stale.isEmpty(), "matrix rows without a resource method: " + stale);
    assertEquals(MATRIX.size(), table.size(), "one row per endpoint");
  }

  @Test
  void everyRoleGetsWhatTheMatrixSays() throws Exception {
    var failures = new ArrayList<String>();
    var tokens = new java.util.LinkedHashMap<String, String>();
    tokens.put("none", null);
    tokens.put("viewer", fixtures.viewerKey());
    tokens.put("operator", fixtures.operatorKey());
    tokens.put("admin", SharedServer.ADMIN);
    try {
      for (var row : MATRIX) {
        for (var caller : tokens.entrySet()) {
          int expected = expected(row, caller.getKey());
          var reply = send(row, caller.getValue());
          if (reply.status() != expected) {
            failures.add(
                row.key()
                    + " as "
                    + caller.getKey()
                    + ": expected "
                    + expected
                    + ", got "
                    + reply.status()
                    + " "
                    + reply.body());
          } else if (expected == 401 || expected == 403) {
            var code = expected == 401 ? "UNAUTHENTICATED" : "FORBIDDEN";
            if (!reply.contentType().startsWith("application/problem+json")
                || !reply.body().contains("\"code\":\"" + code + "\"")) {
              failures.add(row.key() + " as " + caller.getKey() + ": not a " + code + " problem");
            }
          }
        }
      }
    } finally {
      SharedServer.api()
          .post("/api/v1/dispatch/resume", SharedServer.ADMIN, "application/json", "");
    }
    System.out.println(
        "ROLE MATRIX endpoints="
            + MATRIX.size()
            + " requests="
            + MATRIX.size() * tokens.size()
            + " mismatches="
            + failures.size());
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /**
   * The browser sign-in's servlet paths ({@code /auth/*}, outside {@code /api} and JAX-RS): on a
   * server without {@code agentry.oidc.issuer} every caller gets 404 {@code OIDC_NOT_CONFIGURED}.
   * OidcIT covers them with an identity provider.
   */
  @Test
  void signInPathsAnswerNotConfiguredWithoutAnIssuer() throws Exception {
    var failures = new ArrayList<String>();
    for (var probe : List.of("GET auth/login", "GET auth/callback", "POST auth/logout")) {
      var parts = probe.split(" ");
      for (var token : java.util.Arrays.asList(null, fixtures.viewerKey(), SharedServer.ADMIN)) {
        var builder =
            HttpRequest.newBuilder(URI.create(base + "/" + parts[1]))
                .method(parts[0], HttpRequest.BodyPublishers.noBody());
        if (token != null) {
          builder.header("Authorization", "Bearer " + token);
        }
        var reply = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 404
            || !reply.body().contains("\"code\":\"OIDC_NOT_CONFIGURED\"")) {
          failures.add(probe + ": " + reply.statusCode() + " " + reply.body());
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static int expected(Row row, String caller) {
    if (caller.equals("none")) {
      return 401;
    }
    var role = Role.valueOf(caller.toUpperCase(java.util.Locale.ROOT));
    return role.compareTo(row.minimum()) < 0 ? 403 : row.allowed();
  }

  private record Reply(int status, String contentType, String body) {}

  private static Reply send(Row row, String token) throws Exception {
    var matcher = PARAMETER.matcher(row.route());
    var path = new StringBuilder();
    while (matcher.find()) {
      var id =
          row.absent()
              ? "absent-" + UNIQUE.incrementAndGet()
              : fixtures.idFor(row.route(), matcher.group(1));
      matcher.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(id));
    }
    matcher.appendTail(path);
    var builder =
        HttpRequest.newBuilder(URI.create(base + "/api/" + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    row.headers().forEach(builder::header);
    if (row.body() != null) {
      var body =
          row.body()
              .replace("${unique}", Integer.toString(UNIQUE.incrementAndGet()))
              .replace("${provider}", fixtures.ids().get("provider"))
              .replace("${agent}", fixtures.ids().get("agent"))
              .replace("${base}", base);
      builder.header("Content-Type", "application/json");
      builder.method(row.method(), HttpRequest.BodyPublishers.ofString(body));
    } else {
      builder.method(row.method(), HttpRequest.BodyPublishers.noBody());
    }
    // a stream answers its headers at once and may never end: read only what is there
    var response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    var type = response.headers().firstValue("Content-Type").orElse("");
    String body;
    try (var in = response.body()) {
      body =
          type.startsWith("text/event-stream")
              ? ""
              : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new Reply(response.statusCode(), type, body);
  }
}
