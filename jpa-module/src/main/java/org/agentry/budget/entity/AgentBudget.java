package org.agentry.budget.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.tenant.entity.Tenants;

/** An agent's limits per UTC day and per UTC month; a null limit does not limit. */
@Entity
@Table(name = "agent_budget")
@IdClass(TenantKey.class)
public class AgentBudget {

  @Id
  @Column(length = 63)
  private String tenant;

  /** The agent's name; {@code name} because {@link TenantKey} names it so. */
  @Id
  @Column(name = "agent_name", length = 63)
  private String name;

  @Column(name = "daily_tokens")
  private Long dailyTokens;

  @Column(name = "daily_usd", precision = 20, scale = 10)
  private BigDecimal dailyUsd;

  @Column(name = "monthly_tokens")
  private Long monthlyTokens;

  @Column(name = "monthly_usd", precision = 20, scale = 10)
  private BigDecimal monthlyUsd;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected AgentBudget() {}

  public AgentBudget(String tenant, String agent) {
    this.tenant = Tenants.require(tenant);
    this.name = agent;
  }

  /**
   * Sets the limits.
   *
   * @throws InvalidInputException for a negative limit, or a USD limit of 10^10 or more
   */
  public void limit(
      Long dailyTokens,
      BigDecimal dailyUsd,
      Long monthlyTokens,
      BigDecimal monthlyUsd,
      Instant now) {
    InvalidInputException.check(
        nonNegative(dailyTokens) && nonNegative(monthlyTokens), "token limits must be 0 or more");
    InvalidInputException.check(
        nonNegative(dailyUsd) && nonNegative(monthlyUsd), "USD limits must be 0 or more");
    InvalidInputException.check(
        storable(dailyUsd) && storable(monthlyUsd),
        "USD limits must be below 10000000000 (10 digits before the point)");
    this.dailyTokens = dailyTokens;
    this.dailyUsd = dailyUsd;
    this.monthlyTokens = monthlyTokens;
    this.monthlyUsd = monthlyUsd;
    this.updatedAt = now;
  }

  private static boolean nonNegative(Long value) {
    return value == null || value >= 0;
  }

  /** The columns are {@code NUMERIC(20, 10)}: 10 digits before the point. */
  private static final BigDecimal MAX_USD = BigDecimal.TEN.pow(10);

  private static boolean storable(BigDecimal value) {
    return value == null || value.compareTo(MAX_USD) < 0;
  }

  private static boolean nonNegative(BigDecimal value) {
    return value == null || value.signum() >= 0;
  }

  public String getAgent() {
    return name;
  }

  /** The tenant of its agent. */
  public String getTenant() {
    return tenant;
  }

  public Long getDailyTokens() {
    return dailyTokens;
  }

  public BigDecimal getDailyUsd() {
    return dailyUsd;
  }

  public Long getMonthlyTokens() {
    return monthlyTokens;
  }

  public BigDecimal getMonthlyUsd() {
    return monthlyUsd;
  }
}
