package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schedule benchmark ({@code bin/benchmark schedules}, not part of the test suite): S schedules
 * at 1 s intervals on the embedded defaults, running for D seconds; prints the lateness of firing
 * (run recorded − slot time) p50/p99 and how many slots fired or were skipped.
 */
class ScheduleBenchmark {

  private static final int SCHEDULES = Integer.getInteger("benchmark.schedules", 500);
  private static final int SECONDS = Integer.getInteger("benchmark.seconds", 30);

  @Test
  void run() throws Exception {
    var env = Map.of("AGENTRY_AGENTS_DIR", "none");
    try (var server =
        new ServerProcess(ServerProcess.workDirectory("schedule-benchmark"), env).start()) {
      var admin = Files.readString(server.dataDir.resolve("admin-token")).trim();
      var api = new Api(server.base());
      var json = "application/json";
      api.post(
          "/api/v1/providers",
          admin,
          json,
          "{\"name\":\"s\",\"kind\":\"scripted\",\"scriptedTurns\":[{\"text\":\"ok\"}]}");
      api.post(
          "/api/v1/agents",
          admin,
          json,
          "{\"name\":\"a\",\"systemPrompt\":\"x\",\"provider\":\"s\",\"model\":\"scripted\"}");
      var ids = new ArrayList<String>();
      for (int i = 0; i < SCHEDULES; i++) {
        var body =
            "{\"name\":\"s"
                + i
                + "\",\"agent\":\"a\",\"task\":{\"input\":\"tick\"},"
                + "\"intervalSeconds\":1,\"overlap\":\"allow\"}";
        ids.add(api.post("/api/v1/schedules", admin, json, body).json().getString("id"));
      }
      var measureFrom = Instant.now().plusSeconds(5);
      Thread.sleep(Duration.ofSeconds(SECONDS + 5).toMillis());
      var lateness = new ArrayList<Long>();
      long skipped = 0;
      for (var id : ids) {
        var runs =
            (JsonArray) api.get("/api/v1/schedules/" + id + "/runs?limit=200", admin).structure();
        for (var value : runs) {
          var run = value.asJsonObject();
          var slot = Instant.parse(run.getString("slot"));
          if (slot.isBefore(measureFrom)) {
            continue;
          }
          if ("fired".equals(run.getString("outcome"))) {
            lateness.add(
                Duration.between(slot, Instant.parse(run.getString("createdAt"))).toMillis());
          } else {
            skipped += run.getInt("slotCount", 1);
          }
        }
      }
      Collections.sort(lateness);
      System.out.printf(
          "%nBENCHMARK schedules=%d interval=1s seconds=%d%n"
              + "  fired slots: %d, skipped slots: %d%n"
              + "  lateness (run recorded - slot): p50 %d ms, p99 %d ms%n"
              + "  server RSS: %d MiB%n",
          SCHEDULES,
          SECONDS,
          lateness.size(),
          skipped,
          percentile(lateness, 50),
          percentile(lateness, 99),
          server.rssMiB());
      assertTrue(!lateness.isEmpty());
    }
  }

  private static long percentile(java.util.List<Long> sorted, int p) {
    return sorted.isEmpty()
        ? -1
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
