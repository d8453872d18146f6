package org.agentry.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provider API keys at rest, on the embedded defaults: the data directory (0700) and the generated
 * {@code secret-key} (0600), keys sealed in the database (read with JDBC while the server is
 * stopped), a clear-text row from before sealing sealed at the next start, a key rotation, and a
 * malformed key refused at launch without being shown.
 */
class SecretsIT {

  private static final String KEY_A = "sk-alpha-" + random(8);
  private static final String KEY_B = "sk-bravo-" + random(8);
  private static WireMockServer stub;

  @BeforeAll
  static void startStub() {
    stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stub.start();
    for (var key : Map.of(KEY_A, "model-alpha", KEY_B, "model-bravo").entrySet()) {
      stub.stubFor(
          get(urlEqualTo("/v1/models"))
              .withHeader("Authorization", equalTo("Bearer " + key.getKey()))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"object\":\"list\",\"data\":[{\"id\":\"" + key.getValue() + "\"}]}")));
    }
  }

  @AfterAll
  static void stopStub() {
    stub.stop();
  }

  @Test
  void providerKeysAreSealedAtRestMigratedAndRotated() throws Exception {
    var dataDir = ServerProcess.workDirectory("secrets-it").resolve("data");
    String fileKey;
    try (var server = new ServerProcess(dataDir, Map.of()).start()) {
      assertEquals("rwx------", mode(dataDir));
      var keyFile = dataDir.resolve("secret-key");
      assertEquals("rw-------", mode(keyFile));
      fileKey = Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
      assertEquals(32, Base64.getDecoder().decode(fileKey).length);

      var admin = Files.readString(dataDir.resolve("admin-token")).trim();
      var api = new Api(server.base());
      var body =
          "{\"name\":\"alpha\",\"kind\":\"openai\",\"baseUrl\":\""
              + stub.baseUrl()
              + "/v1\",\"apiKey\":\""
              + KEY_A
              + "\"}";
      assertEquals(201, api.post("/api/v1/providers", admin, "application/json", body).status());
      assertTrue(api.get("/api/v1/models", admin).body().contains("model-alpha"));
    }
    try (var db = database(dataDir)) {
      var sealed = apiKey(db, "alpha");
      assertTrue(sealed.startsWith("sealed:v1:" + keyId(fileKey) + ":"), sealed);
      assertFalse(sealed.contains(KEY_A), sealed);
      insertClearTextProvider(db, "bravo", KEY_B);
    }

    var newKey = Base64.getEncoder().encodeToString(bytes(32));
    var rotated = new HashMap<String, String>();
    rotated.put("AGENTRY_SECRET_KEY", newKey);
    rotated.put("AGENTRY_SECRET_KEY_PREVIOUS", fileKey);
    try (var server = new ServerProcess(dataDir, rotated).start()) {
      var admin = Files.readString(dataDir.resolve("admin-token")).trim();
      var models = new Api(server.base()).get("/api/v1/models", admin).body();
      assertTrue(models.contains("model-alpha"), models);
      assertTrue(models.contains("model-bravo"), models);
      var log = server.logText();
      for (var secret : new String[] {newKey, fileKey, KEY_A, KEY_B}) {
        assertFalse(log.contains(secret), "a secret in the log");
      }
    }
    try (var db = database(dataDir)) {
      for (var name : new String[] {"alpha", "bravo"}) {
        var sealed = apiKey(db, name);
        assertTrue(sealed.startsWith("sealed:v1:" + keyId(newKey) + ":"), name + ": " + sealed);
        assertFalse(sealed.contains(KEY_A) || sealed.contains(KEY_B), sealed);
      }
    }
  }

  @Test
  void aMalformedKeyStopsTheLaunchWithoutShowingIt() throws Exception {
    var dataDir = ServerProcess.workDirectory("secrets-bad-key").resolve("data");
    var bad = "not-a-key-" + random(8) + "!";
    var server = new ServerProcess(dataDir, Map.of("AGENTRY_SECRET_KEY", bad));

    int exit = server.startExpectingExit();

    assertNotEquals(0, exit);
    var output = server.logText();
    assertTrue(output.contains("agentry.secret.key"), output);
    assertFalse(output.contains(bad), output);
  }

  private static java.sql.Connection database(Path dataDir) throws Exception {
    var url =
        "jdbc:h2:file:"
            + dataDir.resolve("db").resolve("agentry")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    return DriverManager.getConnection(url, "agentry", "agentry");
  }

  private static String apiKey(java.sql.Connection db, String provider) throws Exception {
    try (var query = db.prepareStatement("SELECT api_key FROM provider WHERE name = ?")) {
      query.setString(1, provider);
      try (var rows = query.executeQuery()) {
        assertTrue(rows.next(), provider);
        return rows.getString(1);
      }
    }
  }

  /** A provider row as the server wrote them before keys were sealed. */
  private static void insertClearTextProvider(java.sql.Connection db, String name, String key)
      throws Exception {
    var sql =
        "INSERT INTO provider (tenant, name, kind, base_url, api_key, timeout_ms, max_retries,"
            + " prices, created_at, updated_at, version)"
            + " VALUES ('default', ?, 'OPENAI', ?, ?, 10000, 0, '{}', ?, ?, 1)";
    try (var insert = db.prepareStatement(sql)) {
      var now = Timestamp.from(Instant.now());
      insert.setString(1, name);
      insert.setString(2, stub.baseUrl() + "/v1");
      insert.setString(3, key);
      insert.setTimestamp(4, now);
      insert.setTimestamp(5, now);
      assertEquals(1, insert.executeUpdate());
    }
  }

  /** The key id a sealed value names: the first 4 bytes of the key's SHA-256, in hex. */
  private static String keyId(String base64Key) throws Exception {
    var digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64Key));
    return HexFormat.of().formatHex(digest, 0, 4);
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static String random(int bytes) {
    return HexFormat.of().formatHex(bytes(bytes));
  }

  private static byte[] bytes(int count) {
    var bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
