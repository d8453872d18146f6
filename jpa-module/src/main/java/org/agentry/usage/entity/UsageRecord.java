package org.agentry.usage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One model call: who made it (agent, session, task), against which provider and model, the prompt
 * and completion tokens the provider reported, the cost in USD from the provider's price table, and
 * the latency in milliseconds. Records never change.
 */
@Entity
@Table(name = "usage_record")
@NamedQuery(
    name = UsageRecord.FIND_BY_SESSION,
    query = "SELECT u FROM UsageRecord u WHERE u.sessionId = :session ORDER BY u.createdAt, u.id")
public class UsageRecord {

  public static final String FIND_BY_SESSION = "UsageRecord.findBySession";

  @Id
  @Column(length = 36)
  private String id;

  /** The tenant it belongs to. */
  @Column(nullable = false, length = 63)
  private String tenant;

  @Column(name = "provider_name", nullable = false, length = 63)
  private String provider;

  @Column(nullable = false)
  private String model;

  @Column(name = "agent_name", nullable = false, length = 63)
  private String agent;

  @Column(name = "session_id", length = 36)
  private String sessionId;

  @Column(name = "task_id", length = 36)
  private String taskId;

  @Column(name = "prompt_tokens", nullable = false)
  private int promptTokens;

  @Column(name = "completion_tokens", nullable = false)
  private int completionTokens;

  @Column(name = "cost_usd", nullable = false, precision = 20, scale = 10)
  private BigDecimal costUsd;

  @Column(name = "latency_ms", nullable = false)
  private long latencyMs;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected UsageRecord() {}

  /**
   * A model call's usage.
   *
   * @param call who called which model
   * @param promptTokens input tokens as the provider reported them
   * @param completionTokens output tokens as the provider reported them
   * @param costUsd the cost in USD
   * @param latencyMs wall-clock time of the call, retries included, in ms
   */
  public UsageRecord(
      ModelCall call,
      int promptTokens,
      int completionTokens,
      BigDecimal costUsd,
      long latencyMs,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenant = call.tenant();
    this.provider = call.provider();
    this.model = call.model();
    this.agent = call.agent();
    this.sessionId = call.sessionId();
    this.taskId = call.taskId();
    this.promptTokens = promptTokens;
    this.completionTokens = completionTokens;
    this.costUsd = costUsd;
    this.latencyMs = latencyMs;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public String getProvider() {
    return provider;
  }

  public String getModel() {
    return model;
  }

  public String getAgent() {
    return agent;
  }

  public String getSessionId() {
    return sessionId;
  }

  public String getTaskId() {
    return taskId;
  }

  public int getPromptTokens() {
    return promptTokens;
  }

  public int getCompletionTokens() {
    return completionTokens;
  }

  public BigDecimal getCostUsd() {
    return costUsd;
  }

  public long getLatencyMs() {
    return latencyMs;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }
}
