package org.agentry.budget.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one budget scope has used and holds reserved, e.g. {@code agent:triage:day:2026-01-31},
 * {@code agent:triage:month:2026-01} or {@code session:<id>}.
 */
@Entity
@Table(name = "budget_counter")
public class BudgetCounter {

  @Id
  @Column(length = 160)
  private String scope;

  @Column(name = "used_tokens", nullable = false)
  private long usedTokens;

  @Column(name = "used_usd", nullable = false, precision = 20, scale = 10)
  private BigDecimal usedUsd;

  @Column(name = "reserved_tokens", nullable = false)
  private long reservedTokens;

  @Column(name = "reserved_usd", nullable = false, precision = 20, scale = 10)
  private BigDecimal reservedUsd;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected BudgetCounter() {}

  public BudgetCounter(String scope, Instant now) {
    this.scope = scope;
    this.usedUsd = BigDecimal.ZERO;
    this.reservedUsd = BigDecimal.ZERO;
    this.updatedAt = now;
  }

  /** Whether reserving this much more stays within the limits (a null limit does not limit). */
  public boolean fits(long tokens, BigDecimal usd, Long limitTokens, BigDecimal limitUsd) {
    var tokensOk = limitTokens == null || usedTokens + reservedTokens + tokens <= limitTokens;
    var usdOk = limitUsd == null || usedUsd.add(reservedUsd).add(usd).compareTo(limitUsd) <= 0;
    return tokensOk && usdOk;
  }

  /** Whether nothing more can be spent: a limit is reached by what was used. */
  public boolean exhausted(Long limitTokens, BigDecimal limitUsd) {
    return (limitTokens != null && usedTokens >= limitTokens)
        || (limitUsd != null && usedUsd.compareTo(limitUsd) >= 0);
  }

  public void reserve(long tokens, BigDecimal usd, Instant now) {
    reservedTokens += tokens;
    reservedUsd = reservedUsd.add(usd);
    updatedAt = now;
  }

  /** Gives back a reservation that was never settled, counting nothing as used. */
  public void release(long reserved, BigDecimal reservedCost, Instant now) {
    settle(reserved, reservedCost, 0, BigDecimal.ZERO, now);
  }

  /** Counts usage whose reservation was released already (it settled after expiring). */
  public void use(long used, BigDecimal cost, Instant now) {
    settle(0, BigDecimal.ZERO, used, cost, now);
  }

  /** Turns a reservation into what was actually used (zero when the call failed). */
  public void settle(
      long reserved, BigDecimal reservedCost, long used, BigDecimal cost, Instant now) {
    reservedTokens = Math.max(0, reservedTokens - reserved);
    reservedUsd = reservedUsd.subtract(reservedCost).max(BigDecimal.ZERO);
    usedTokens += used;
    usedUsd = usedUsd.add(cost);
    updatedAt = now;
  }

  public String getScope() {
    return scope;
  }

  public long getUsedTokens() {
    return usedTokens;
  }

  public BigDecimal getUsedUsd() {
    return usedUsd;
  }

  public long getReservedTokens() {
    return reservedTokens;
  }

  public BigDecimal getReservedUsd() {
    return reservedUsd;
  }
}
