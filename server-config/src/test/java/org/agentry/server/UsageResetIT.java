package org.agentry.server;

import static org.agentry.server.ServerIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/usage/reset} on a server of its own (a reset touches every record): admins
 * only; records are archived, so the totals start again from zero.
 */
class UsageResetIT {

  @Test
  void resetArchivesEveryRecord() throws Exception {
    var env = Map.of("AGENTRY_AGENTS_DIR", "none");
    try (var server =
        new ServerProcess(ServerProcess.workDirectory("usage-reset-it"), env).start()) {
      var admin = Files.readString(server.dataDir.resolve("admin-token")).trim();
      var api = new Api(server.base());
      var json = "application/json";
      api.post(
          "/api/v1/providers",
          admin,
          json,
          "{\"name\":\"s\",\"kind\":\"scripted\",\"scriptedTurns\":[{\"text\":\"x\",\"promptTokens\":4}]}");
      api.post(
          "/api/v1/agents",
          admin,
          json,
          "{\"name\":\"a\",\"systemPrompt\":\"x\",\"provider\":\"s\",\"model\":\"scripted\"}");
      assertEquals(
          200, api.post("/api/v1/agents/a/chat", admin, json, "{\"message\":\"hi\"}").status());
      assertEquals(
          1, api.get("/api/v1/usage", admin).json().getJsonObject("totals").getInt("requests"));
      var viewer =
          api.post("/api/v1/api-keys", admin, json, "{\"name\":\"v\",\"role\":\"operator\"}")
              .json()
              .getString("token");

      assertProblem(api.post("/api/v1/usage/reset", viewer, json, ""), 403, "FORBIDDEN");
      var reset = api.post("/api/v1/usage/reset", admin, json, "");

      assertEquals(1, reset.json().getInt("archived"));
      assertEquals(
          0, api.get("/api/v1/usage", admin).json().getJsonObject("totals").getInt("requests"));
    }
  }
}
