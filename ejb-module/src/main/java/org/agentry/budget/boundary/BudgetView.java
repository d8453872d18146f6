package org.agentry.budget.boundary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One budget as {@code GET /api/v1/usage/budgets} shows it.
 *
 * @param scope e.g. {@code agent:triage:day:2026-01-31}
 * @param kind {@code agent-day}, {@code agent-month} or {@code session}
 * @param limitTokens null when tokens are not limited
 * @param limitUsd null when cost is not limited
 * @param percent the larger of used-and-reserved over limit for tokens and USD, 0–100+
 */
public record BudgetView(
    String scope,
    String kind,
    Long limitTokens,
    BigDecimal limitUsd,
    long usedTokens,
    BigDecimal usedUsd,
    long reservedTokens,
    BigDecimal reservedUsd,
    Long remainingTokens,
    BigDecimal remainingUsd,
    double percent) {

  static BudgetView of(
      String scope,
      String kind,
      Long limitTokens,
      BigDecimal limitUsd,
      long usedTokens,
      BigDecimal usedUsd,
      long reservedTokens,
      BigDecimal reservedUsd) {
    var remainingTokens =
        limitTokens == null ? null : Math.max(0, limitTokens - usedTokens - reservedTokens);
    var remainingUsd =
        limitUsd == null
            ? null
            : limitUsd.subtract(usedUsd).subtract(reservedUsd).max(BigDecimal.ZERO);
    double percent = 0;
    if (limitTokens != null && limitTokens > 0) {
      percent = Math.max(percent, 100.0 * (usedTokens + reservedTokens) / limitTokens);
    }
    if (limitUsd != null && limitUsd.signum() > 0) {
      var share =
          usedUsd
              .add(reservedUsd)
              .multiply(BigDecimal.valueOf(100))
              .divide(limitUsd, 2, RoundingMode.HALF_UP);
      percent = Math.max(percent, share.doubleValue());
    }
    return new BudgetView(
        scope,
        kind,
        limitTokens,
        limitUsd,
        usedTokens,
        usedUsd.stripTrailingZeros(),
        reservedTokens,
        reservedUsd.stripTrailingZeros(),
        remainingTokens,
        remainingUsd == null ? null : remainingUsd.stripTrailingZeros(),
        Math.round(percent * 100) / 100.0);
  }
}
