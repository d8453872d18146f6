package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Black-box tests of the built server on PostgreSQL, over HTTP only: health, OpenAPI, bearer
 * authentication and roles, the API key lifecycle, and problem+json for each class of bad input.
 * The server is the shared one ({@link SharedServer}), with the admin token and body limit set
 * through environment variables.
 */
class ServerIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final int BODY_LIMIT = SharedServer.BODY_LIMIT;

  private static ServerProcess server;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    server = SharedServer.get();
    api = new Api(server.base());
  }

  @Test
  void readinessChecksDatabaseAndBroker() throws Exception {
    var health = api.get("/health/ready", null);
    assertEquals(200, health.status());
    var checks = health.json().getJsonArray("checks").toString();
    assertTrue(checks.contains("\"database\""), checks);
    assertTrue(checks.contains("\"broker\""), checks);
    assertEquals("UP", health.json().getString("status"));
    assertEquals(200, api.get("/health/live", null).status());
  }

  @Test
  void servesTheOpenApiDocument() throws Exception {
    var openapi = api.get("/openapi", null);
    assertEquals(200, openapi.status());
    assertTrue(openapi.body().contains("/api/v1/api-keys"), openapi.body());
  }

  @Test
  void infoNeedsAValidBearerToken() throws Exception {
    assertProblem(api.get("/api/v1/info", null), 401, "UNAUTHENTICATED");
    assertProblem(api.get("/api/v1/info", "agentry_not-a-key"), 401, "UNAUTHENTICATED");
    var basic = api.send(api.request("/api/v1/info", null).header("Authorization", "Basic eDp5"));
    assertProblem(basic, 401, "UNAUTHENTICATED");

    var info = api.get("/api/v1/info", ADMIN);
    assertEquals(200, info.status());
    assertEquals("agentry", info.json().getString("name"));
    assertEquals("postgresql", info.json().getString("databaseKind"));
    assertEquals("embedded", info.json().getString("brokerKind"));
    assertFalse(info.json().getString("version").isBlank());
  }

  @Test
  void apiKeyLifecycle() throws Exception {
    var created = createKey("viewer");
    assertEquals(201, created.status());
    var key = created.json();
    var token = key.getString("token");
    var id = key.getString("id");
    assertTrue(token.startsWith(key.getString("prefix")));
    assertTrue(created.raw().headers().firstValue("Location").orElseThrow().endsWith(id));

    var listed = (JsonArray) api.get("/api/v1/api-keys", ADMIN).structure();
    assertTrue(listed.toString().contains(id));
    assertFalse(listed.toString().contains(token), "tokens are shown only once");
    assertFalse(api.get("/api/v1/api-keys/" + id, ADMIN).json().containsKey("token"));

    assertEquals(200, api.get("/api/v1/info", token).status());
    assertProblem(api.get("/api/v1/api-keys", token), 403, "FORBIDDEN");

    assertEquals(204, api.delete("/api/v1/api-keys/" + id, ADMIN).status());
    assertProblem(api.get("/api/v1/info", token), 401, "UNAUTHENTICATED");
    assertTrue(api.get("/api/v1/api-keys/" + id, ADMIN).json().getBoolean("revoked"));
    assertProblem(api.delete("/api/v1/api-keys/no-such-key", ADMIN), 404, "API_KEY_NOT_FOUND");
  }

  @Test
  void operatorMayReadButNotManageKeys() throws Exception {
    var token = createKey("operator").json().getString("token");
    assertEquals(200, api.get("/api/v1/info", token).status());
    assertProblem(createKeyWith(token, "viewer"), 403, "FORBIDDEN");
  }

  @Test
  void badInputGetsAProblemAndChangesNothing() throws Exception {
    int before = keyCount();
    var json = "application/json";
    assertProblem(api.post("/api/v1/api-keys", ADMIN, json, "{\"name\":"), 400, "MALFORMED_JSON");
    assertProblem(
        api.post("/api/v1/api-keys", ADMIN, json, "{\"name\":\"x\",\"role\":\"viewer\",\"a\":1}"),
        400,
        "MALFORMED_JSON");
    assertProblem(
        api.post("/api/v1/api-keys", ADMIN, json, "{\"name\":\"x\",\"role\":\"root\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api.post("/api/v1/api-keys", ADMIN, "text/plain", "name=x"), 415, "UNSUPPORTED_MEDIA_TYPE");
    var big = "{\"name\":\"" + "a".repeat(BODY_LIMIT) + "\",\"role\":\"viewer\"}";
    assertProblem(api.post("/api/v1/api-keys", ADMIN, json, big), 413, "PAYLOAD_TOO_LARGE");
    assertEquals(before, keyCount());
  }

  @Test
  void chunkedBodyOverTheLimitIsRefused() throws Exception {
    var big = "{\"name\":\"" + "a".repeat(BODY_LIMIT) + "\",\"role\":\"viewer\"}";
    var bytes = big.getBytes(StandardCharsets.UTF_8);
    // A stream has no known length, so the client sends it chunked, without Content-Length.
    var request =
        api.request("/api/v1/api-keys", ADMIN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    assertProblem(api.send(request), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void aGetWhoseAnnouncedBodyNeverComesIsRefusedAtOnce() throws Exception {
    // The check for a body on a GET read the body: a client that announced one and sent nothing
    // held a request thread for 30 s and got a 500. The headers alone tell (RFC 9112 section 6.3).
    try (var socket = new Socket("127.0.0.1", server.port)) {
      socket.setSoTimeout(10_000);
      var request =
          "GET /api/v1/info HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + ADMIN
              + "\r\nContent-Length: 5\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      var line = new StringBuilder();
      var in = socket.getInputStream();
      for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
        line.append((char) c);
      }
      assertTrue(line.toString().startsWith("HTTP/1.1 400 "), line.toString());
    }
  }

  @Test
  void unknownRoutesAndWrongMethodsGetProblems() throws Exception {
    assertProblem(api.get("/api/v1/no-such-thing", ADMIN), 404, "NOT_FOUND");
    assertProblem(api.get("/no-such-page", null), 404, "NOT_FOUND");
    var wrongMethod = api.send(api.request("/api/v1/info", ADMIN).PUT(noBody()));
    assertProblem(wrongMethod, 405, "METHOD_NOT_ALLOWED");
    assertTrue(wrongMethod.raw().headers().firstValue("Allow").orElse("").contains("GET"));
  }

  @Test
  void neverLogsTokens() throws Exception {
    var token = createKey("viewer").json().getString("token");
    api.get("/api/v1/info", token);
    var log = server.logText();
    assertFalse(log.contains(ADMIN), "admin token in the log");
    assertFalse(log.contains(token), "API key in the log");
  }

  private static Api.Reply createKey(String role) throws Exception {
    return createKeyWith(ADMIN, role);
  }

  private static Api.Reply createKeyWith(String token, String role) throws Exception {
    var body = "{\"name\":\"k-" + UUID.randomUUID() + "\",\"role\":\"" + role + "\"}";
    return api.post("/api/v1/api-keys", token, "application/json", body);
  }

  private static int keyCount() throws Exception {
    return ((JsonArray) api.get("/api/v1/api-keys", ADMIN).structure()).size();
  }

  static void assertProblem(Api.Reply reply, int status, String code) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    var problem = reply.json();
    assertEquals(code, problem.getString("code"));
    assertEquals(status, problem.getInt("status"));
    assertFalse(problem.getString("title").isBlank());
    assertFalse(problem.getString("detail").isBlank());
    assertTrue(problem.getString("type").startsWith("urn:agentry:problem:"));
    assertFalse(reply.body().contains("Exception"), "no class names: " + reply.body());
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }
}
