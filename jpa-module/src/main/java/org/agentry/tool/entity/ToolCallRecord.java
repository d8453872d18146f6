package org.agentry.tool.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One tool call made by an agent: its arguments as the model sent them, the result (capped at
 * {@value #MAX_RESULT_CHARS} characters, {@code truncated} when cut), or the error, and the
 * duration in ms.
 */
@Entity
@Table(name = "tool_call")
@NamedQuery(
    name = ToolCallRecord.FIND_BY_SESSION,
    query = "SELECT t FROM ToolCallRecord t WHERE t.sessionId = :session ORDER BY t.createdAt")
public class ToolCallRecord {

  public static final String FIND_BY_SESSION = "ToolCallRecord.findBySession";

  /** Results longer than this (16 Ki characters) are cut. */
  public static final int MAX_RESULT_CHARS = 16 * 1024;

  @Id
  @Column(length = 36)
  private String id;

  /** The tenant it belongs to. */
  @Column(nullable = false, length = 63)
  private String tenant;

  @Column(name = "session_id", length = 36)
  private String sessionId;

  @Column(name = "task_id", length = 36)
  private String taskId;

  @Column(name = "agent_name", nullable = false, length = 63)
  private String agent;

  @Column(name = "call_id")
  private String callId;

  @Column(name = "tool_name", nullable = false)
  private String toolName;

  @Column(nullable = false)
  private String arguments;

  private String result;

  @Column(nullable = false)
  private boolean truncated;

  private String error;

  @Column(name = "duration_ms", nullable = false)
  private long durationMs;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ToolCallRecord() {}

  /**
   * A finished tool call.
   *
   * @param result the tool's output, or null when it failed
   * @param error what went wrong, or null when it succeeded
   */
  public ToolCallRecord(
      ToolCallOrigin origin,
      String callId,
      String toolName,
      String arguments,
      String result,
      String error,
      long durationMs,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenant = origin.tenant();
    this.sessionId = origin.sessionId();
    this.taskId = origin.taskId();
    this.agent = origin.agent();
    this.callId = callId;
    this.toolName = toolName;
    this.arguments = arguments == null ? "" : arguments;
    this.truncated = result != null && result.length() > MAX_RESULT_CHARS;
    this.result = truncated ? result.substring(0, MAX_RESULT_CHARS) : result;
    this.error = error;
    this.durationMs = durationMs;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public String getCallId() {
    return callId;
  }

  public String getToolName() {
    return toolName;
  }

  public String getArguments() {
    return arguments;
  }

  public String getResult() {
    return result;
  }

  public boolean isTruncated() {
    return truncated;
  }

  public String getError() {
    return error;
  }

  public long getDurationMs() {
    return durationMs;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }
}
