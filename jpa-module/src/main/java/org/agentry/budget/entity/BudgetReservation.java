package org.agentry.budget.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reservation held against budget counters until its model call settles it; the sweeper releases
 * one that expires unsettled (its run's node died). Written once and deleted, never changed.
 */
@Entity
@Table(name = "budget_reservation")
public class BudgetReservation {

  @Id
  @Column(length = 36)
  private String id;

  /** The counters' scopes, comma-separated (scopes hold no commas). */
  @Column(nullable = false, length = 2000)
  private String scopes;

  @Column(nullable = false)
  private long tokens;

  @Column(nullable = false, precision = 20, scale = 10)
  private BigDecimal usd;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected BudgetReservation() {}

  /**
   * A new reservation.
   *
   * @param tokens reserved tokens
   * @param usd reserved cost, USD
   */
  public BudgetReservation(List<String> scopes, long tokens, BigDecimal usd, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.scopes = String.join(",", scopes);
    this.tokens = tokens;
    this.usd = usd;
    this.expiresAt = expiresAt;
  }

  public String getId() {
    return id;
  }

  public List<String> getScopes() {
    return List.of(scopes.split(","));
  }

  public long getTokens() {
    return tokens;
  }

  public BigDecimal getUsd() {
    return usd;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
