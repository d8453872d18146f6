package org.agentry.client;

import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import org.agentry.client.api.UsageApi;
import org.agentry.client.model.ScopedUsage;
import org.agentry.client.model.UsageReport;

/** {@code /api/v1/usage}: what agents spent. {@code from} is inclusive, {@code to} exclusive. */
public final class Usage {

  private final Http http;

  Usage(Http http) {
    this.http = http;
  }

  /** Totals and breakdowns by agent, model and UTC day; null bounds are open. */
  public UsageReport report(Instant from, Instant to) {
    return http.get(range(http.path("usage"), from, to), UsageReport.class);
  }

  /**
   * One CSV line per model call (RFC 4180) with a header line: {@code
   * id,createdAt,provider,model,agent,sessionId,taskId,promptTokens,completionTokens,costUsd,latencyMs}.
   */
  public String csv(Instant from, Instant to) {
    var target = range(http.path("usage", "export").queryParam("format", "csv"), from, to);
    var request = target.request(MediaType.valueOf("text/csv"));
    return http.read(http.call(request, "GET", null), String.class);
  }

  /** One agent's usage: totals and a breakdown by UTC day. */
  public ScopedUsage agent(String name, Instant from, Instant to) {
    return http.proxies.of(UsageApi.class).agent(name, from, to);
  }

  /** Deletes every usage record (admin); the answer counts what was removed by kind. */
  public Map<String, Integer> reset() {
    return http.proxies.of(UsageApi.class).reset();
  }

  private static WebTarget range(WebTarget target, Instant from, Instant to) {
    return Tasks.param(Tasks.param(target, "from", from), "to", to);
  }
}
