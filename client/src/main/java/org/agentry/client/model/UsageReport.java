package org.agentry.client.model;

import java.util.List;

/**
 * {@code GET /api/v1/usage}: totals and breakdowns by agent, model and UTC day, most expensive
 * first.
 */
public record UsageReport(
    UsageTotals totals, List<Group> byAgent, List<Group> byModel, List<Group> byDay) {

  /**
   * One group's totals.
   *
   * @param key the agent's name, the model or the day ({@code 2026-01-31})
   * @param provider for a model: its provider, else null
   */
  public record Group(String key, String provider, UsageTotals totals) {}
}
