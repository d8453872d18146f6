package org.agentry.usage.boundary;

import java.math.BigDecimal;

/**
 * Sums over model calls.
 *
 * @param requests model calls
 * @param promptTokens input tokens as the providers reported them
 * @param completionTokens output tokens as the providers reported them
 * @param totalTokens prompt plus completion
 * @param costUsd exact sum of the calls' costs, USD
 * @param averageLatencyMs mean call latency in ms, 0 without calls
 */
public record UsageTotals(
    long requests,
    long promptTokens,
    long completionTokens,
    long totalTokens,
    BigDecimal costUsd,
    long averageLatencyMs) {

  /** Totals from a row of {@code COUNT, SUM(prompt), SUM(completion), SUM(cost), SUM(latency)}. */
  static UsageTotals of(Object[] row, int from) {
    long requests = ((Number) row[from]).longValue();
    long prompt = row[from + 1] == null ? 0 : ((Number) row[from + 1]).longValue();
    long completion = row[from + 2] == null ? 0 : ((Number) row[from + 2]).longValue();
    var cost = row[from + 3] == null ? BigDecimal.ZERO : (BigDecimal) row[from + 3];
    long latency = row[from + 4] == null ? 0 : ((Number) row[from + 4]).longValue();
    return new UsageTotals(
        requests,
        prompt,
        completion,
        prompt + completion,
        cost.stripTrailingZeros(),
        requests == 0 ? 0 : latency / requests);
  }
}
