package org.agentry.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.shortId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Canaries: the admin token, an API key and a provider API key, each a unique random string, go
 * through the API — providers, agents, chats and tasks that fail against that provider (a dead
 * port, and a stub that echoes the key in its error documents), events, streams, exports and error
 * paths — and then nothing the server wrote (its output, every file in its data directory) nor any
 * response may contain any of them.
 */
class CanaryIT {

  private static final String JSON = "application/json";
  private static final String ADMIN = SharedServer.ADMIN;

  // Dots keep it from looking like a key to a pattern: only knowing the key can mask it.
  private static final String PROVIDER_KEY = "canary." + hex(6) + "." + hex(6);

  private static ServerProcess server;
  private static Api api;
  private static WireMockServer echo;
  private static String apiKey;
  private static final StringBuilder responses = new StringBuilder();

  @BeforeAll
  static void start() throws Exception {
    server = SharedServer.get();
    api = new Api(server.base());
    echo = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    echo.start();
    // a provider that quotes the key it was sent, as some do in their error messages
    var quoting = "{\"error\":{\"message\":\"Incorrect API key provided: " + PROVIDER_KEY + "\"}}";
    echo.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse().withStatus(401).withHeader("Content-Type", JSON).withBody(quoting)));
    var created =
        api.post(
            "/api/v1/api-keys",
            ADMIN,
            JSON,
            "{\"name\":\"canary-" + shortId() + "\",\"role\":\"operator\"}");
    assertEquals(201, created.status(), created.body());
    apiKey = created.json().getString("token"); // the one response allowed to show it
  }

  @AfterAll
  static void stop() {
    echo.stop();
  }

  @Test
  void noSecretAppearsInLogsFilesOrResponses() throws Exception {
    var dead = provider("openai", "http://127.0.0.1:" + deadPort() + "/v1");
    var quoting = provider("openai", echo.baseUrl() + "/v1");
    var anthropic = provider("anthropic", echo.baseUrl() + "/v1");
    record(api.get("/api/v1/providers", ADMIN));
    record(api.get("/api/v1/providers/" + dead, apiKey));
    record(api.get("/api/v1/models", apiKey));
    var replaced =
        api.send(
            api.request("/api/v1/providers/" + quoting, ADMIN)
                .header("Content-Type", JSON)
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        providerJson(quoting, "openai", echo.baseUrl() + "/v1"))));
    record(replaced);

    var agents = new ArrayList<String>();
    for (var provider : List.of(dead, quoting, anthropic)) {
      var agent = "canary-" + shortId();
      record(api.post("/api/v1/agents", apiKey, JSON, agentJson(agent, provider, "[]", "")));
      agents.add(agent);
      record(api.get("/api/v1/agents/" + agent, apiKey));
      record(api.get("/api/v1/agents/" + agent + "/package", apiKey));
      record(api.post("/api/v1/agents/" + agent + "/chat", apiKey, JSON, "{\"message\":\"hi\"}"));
    }
    record(api.get("/api/v1/agents", apiKey));

    var tasks = new ArrayList<String>();
    for (var agent : agents) {
      var submitted =
          api.post("/api/v1/agents/" + agent + "/tasks", apiKey, JSON, "{\"input\":\"hi\"}");
      record(submitted);
      assertEquals(202, submitted.status(), submitted.body());
      tasks.add(submitted.json().getString("taskId"));
    }
    for (var task : tasks) {
      awaitEnd(task);
      record(api.get("/api/v1/tasks/" + task + "/events?limit=200", apiKey));
      record(api.get("/api/v1/tasks/" + task + "/context", apiKey));
      recordStream("/api/v1/tasks/" + task + "/stream");
    }
    record(api.get("/api/v1/tasks?limit=100", apiKey));
    record(api.get("/api/v1/sessions?limit=100", apiKey));
    record(api.get("/api/v1/usage", apiKey));
    record(api.get("/api/v1/usage/export?format=csv", apiKey));
    record(api.get("/api/v1/usage/budgets", apiKey));
    record(api.get("/api/v1/dispatch", apiKey));
    var config = api.get("/api/v1/organism/config", ADMIN);
    record(config);
    assertEquals(200, config.status(), config.body());
    assertTrue(config.body().contains("\"key\":\"agentry.admin.token\""), config.body());
    record(api.get("/api/v1/organism", apiKey));
    record(api.get("/api/v1/capabilities", apiKey));
    record(api.post("/api/v1/organism/reload", ADMIN, JSON, ""));
    errorPaths(dead);

    var hits = new ArrayList<String>();
    var canaries =
        Map.of("admin token", ADMIN, "API key", apiKey, "provider API key", PROVIDER_KEY);
    canaries.forEach(
        (name, value) -> {
          if (responses.indexOf(value) >= 0) {
            hits.add(name + " in a response: " + around(responses.toString(), value));
          }
        });
    for (var file : writtenFiles()) {
      var text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      canaries.forEach(
          (name, value) -> {
            if (text.contains(value)) {
              hits.add(name + " in " + file + ": " + around(text, value));
            }
          });
    }
    for (var row : databaseRows()) {
      canaries.forEach(
          (name, value) -> {
            if (row.contains(value)) {
              hits.add(name + " in the database: " + around(row, value));
            }
          });
    }
    assertEquals(List.of(), hits);
  }

  /** Every row of every table of the server's database, its columns as text. */
  private static List<String> databaseRows() throws Exception {
    var rows = new ArrayList<String>();
    var url = System.getProperty("agentry.it.db.url");
    var user = System.getProperty("agentry.it.db.user", "postgres");
    try (var db =
            DriverManager.getConnection(
                url, user, System.getProperty("agentry.it.db.password", ""));
        var tables = db.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      var names = new ArrayList<String>();
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
      }
      for (var table : names) {
        try (var query = db.createStatement();
            var result = query.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            var row = new StringBuilder(table).append(':');
            for (int i = 1; i <= columns; i++) {
              row.append(' ').append(result.getString(i));
            }
            rows.add(row.toString());
          }
        }
      }
    }
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("provider:")), "provider rows read");
    return rows;
  }

  /** Bad requests that carry the secrets in their bodies and headers. */
  private static void errorPaths(String provider) throws Exception {
    var withKey =
        "{\"name\":\"x-" + shortId() + "\",\"kind\":\"openai\",\"apiKey\":\"" + PROVIDER_KEY + "\"";
    record(api.post("/api/v1/providers", ADMIN, JSON, withKey + ",\"unknown\":1}"));
    record(api.post("/api/v1/providers", ADMIN, JSON, withKey + ",\"kind\":\"nope\"}"));
    record(
        api.post(
            "/api/v1/providers",
            ADMIN,
            JSON,
            withKey + ",\"baseUrl\":\"ftp://" + PROVIDER_KEY + "\"}"));
    record(api.post("/api/v1/providers", ADMIN, JSON, withKey));
    record(
        api.post(
            "/api/v1/providers",
            ADMIN,
            JSON,
            withKey + ",\"apiKey\":\"" + "k".repeat(5000) + "\"}"));
    record(api.post("/api/v1/providers", apiKey, JSON, withKey + "}"));
    record(api.post("/api/v1/providers", ADMIN, "text/plain", PROVIDER_KEY));
    record(api.get("/api/v1/providers/" + PROVIDER_KEY, ADMIN));
    record(api.get("/api/v1/info", ADMIN + "x"));
    record(api.get("/api/v1/info", apiKey + "x"));
    record(api.get("/api/v1/" + ADMIN, ADMIN));
    record(api.get("/api/v1/tasks/" + apiKey, apiKey));
    record(api.delete("/api/v1/providers/" + provider, apiKey));
    record(api.delete("/api/v1/providers/" + provider, ADMIN));
    record(api.send(api.request("/api/v1/info", null).header("Authorization", "Basic " + ADMIN)));
    record(api.send(api.request("/api/v1/info", null).header("X-Api-Key", apiKey)));
  }

  private static String provider(String kind, String baseUrl) throws Exception {
    var name = "canary-" + shortId();
    var created = api.post("/api/v1/providers", ADMIN, JSON, providerJson(name, kind, baseUrl));
    record(created);
    assertEquals(201, created.status(), created.body());
    return name;
  }

  private static String providerJson(String name, String kind, String baseUrl) {
    return "{\"name\":\""
        + name
        + "\",\"kind\":\""
        + kind
        + "\",\"baseUrl\":\""
        + baseUrl
        + "\",\"apiKey\":\""
        + PROVIDER_KEY
        + "\",\"maxRetries\":1,\"timeoutMs\":3000,"
        + "\"prices\":{\"scripted\":{\"inputPerMillion\":1,\"outputPerMillion\":2}}}";
  }

  private static void awaitEnd(String task) throws Exception {
    var deadline = Instant.now().plusSeconds(90);
    while (Instant.now().isBefore(deadline)) {
      var reply = api.get("/api/v1/tasks/" + task, apiKey);
      var status = reply.json().getString("status");
      if (List.of("completed", "failed", "cancelled").contains(status)) {
        record(reply);
        assertEquals("failed", status, reply.body());
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("task " + task + " did not end");
  }

  private static void recordStream(String path) throws Exception {
    var request =
        api.request(path, apiKey)
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(5));
    try {
      var response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      responses.append(response.headers().map()).append(response.body()).append('\n');
    } catch (HttpTimeoutException e) {
      // a stream still open: what it sent before the timeout is gone, the events were read above
    }
  }

  private static void record(Api.Reply reply) {
    responses.append(reply.status()).append(' ').append(reply.raw().headers().map()).append('\n');
    responses.append(reply.body()).append('\n');
  }

  /** The server's output and every file in its data directory (database, broker, logs, …). */
  private static List<Path> writtenFiles() throws IOException {
    var files = new ArrayList<Path>();
    files.add(server.log);
    try (var paths = Files.walk(server.dataDir)) {
      paths.filter(Files::isRegularFile).filter(CanaryIT::readable).forEach(files::add);
    }
    assertTrue(files.size() > 1, "the data directory has files");
    return files;
  }

  private static boolean readable(Path file) {
    try {
      return Files.size(file) < 256L * 1024 * 1024;
    } catch (IOException e) {
      return false; // gone meanwhile
    }
  }

  private static String around(String text, String value) {
    int at = text.indexOf(value);
    return text.substring(Math.max(0, at - 200), Math.min(text.length(), at + value.length() + 60))
        .replace('\n', ' ');
  }

  private static int deadPort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String hex(int bytes) {
    var random = new byte[bytes];
    new java.security.SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
