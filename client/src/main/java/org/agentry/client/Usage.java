package org.agentry.client;

import java.time.Instant;
import java.util.Map;
import org.agentry.client.api.UsageApi;
import org.agentry.client.model.ScopedUsage;
import org.agentry.client.model.UsageReport;

/** {@code /api/v1/usage}: what agents spent. {@code from} is inclusive, {@code to} exclusive. */
public final class Usage {

  private final UsageApi api;

  Usage(Http http) {
    this.api = http.proxies.of(UsageApi.class);
  }

  /** Totals and breakdowns by agent, model and UTC day; null bounds are open. */
  public UsageReport report(Instant from, Instant to) {
    return api.report(from, to);
  }

  /**
   * One CSV line per model call (RFC 4180) with a header line: {@code
   * id,createdAt,provider,model,agent,sessionId,taskId,promptTokens,completionTokens,costUsd,latencyMs}.
   */
  public String csv(Instant from, Instant to) {
    return api.export("csv", from, to);
  }

  /** One agent's usage: totals and a breakdown by UTC day. */
  public ScopedUsage agent(String name, Instant from, Instant to) {
    return api.agent(name, from, to);
  }

  /** Deletes every usage record (admin); the answer counts what was removed by kind. */
  public Map<String, Integer> reset() {
    return api.reset();
  }
}
