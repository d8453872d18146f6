package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The embedded defaults (H2 file database, embedded broker, generated admin token) on a fresh data
 * directory, across a restart: nothing configured, nothing lost.
 */
class RestartIT {

  @Test
  void embeddedDefaultsKeepTheirDataAcrossARestart() throws Exception {
    var dataDir = ServerProcess.workDirectory("restart-it");
    String adminToken;
    String apiKey;
    try (var server = new ServerProcess(dataDir, Map.of()).start()) {
      var tokenFile = dataDir.resolve("admin-token");
      assertEquals(
          Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
          Files.getPosixFilePermissions(tokenFile));
      adminToken = Files.readString(tokenFile).trim();
      assertTrue(server.logText().contains(tokenFile.toString()), "the log names the token file");
      assertFalse(server.logText().contains(adminToken), "the log never shows the token");

      var api = new Api(server.base());
      var info = api.get("/api/v1/info", adminToken).json();
      assertEquals("h2", info.getString("databaseKind"));
      assertEquals("embedded", info.getString("brokerKind"));
      var body = "{\"name\":\"survivor\",\"role\":\"operator\"}";
      var created = api.post("/api/v1/api-keys", adminToken, "application/json", body);
      assertEquals(201, created.status(), created.body());
      apiKey = created.json().getString("token");
    }

    try (var server = new ServerProcess(dataDir, Map.of()).start()) {
      var api = new Api(server.base());
      assertEquals(adminToken, Files.readString(dataDir.resolve("admin-token")).trim());
      assertEquals(200, api.get("/api/v1/info", adminToken).status());
      assertEquals(200, api.get("/api/v1/info", apiKey).status());
      assertTrue(api.get("/api/v1/api-keys", adminToken).body().contains("survivor"));
    }
  }
}
