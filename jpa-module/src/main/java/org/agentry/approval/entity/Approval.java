package org.agentry.approval.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A tool call held for a person's decision. It is decided once: a second decision is refused by
 * {@link #decide}, and callers lock the row first so that of two decisions at once exactly one
 * applies.
 */
@Entity
@NamedQuery(
    name = Approval.BY_STATUS,
    query =
        "SELECT a FROM Approval a WHERE a.tenant = :tenant AND a.status = :status"
            + " ORDER BY a.requestedAt, a.id")
@NamedQuery(
    name = Approval.ALL,
    query = "SELECT a FROM Approval a WHERE a.tenant = :tenant ORDER BY a.requestedAt, a.id")
@NamedQuery(
    name = Approval.EXPIRED,
    query =
        "SELECT a.id FROM Approval a WHERE a.status = :status AND a.expiresAt <= :now"
            + " ORDER BY a.expiresAt")
@NamedQuery(
    name = Approval.OF_TASK,
    query = "SELECT a FROM Approval a WHERE a.taskId = :taskId AND a.status = :status")
public class Approval {

  /** A task's approvals in one status ({@code :taskId}, {@code :status}). */
  public static final String OF_TASK = "Approval.ofTask";

  /** Approvals in one status ({@code :status}), oldest first. */
  public static final String BY_STATUS = "Approval.byStatus";

  /** Every approval, oldest first. */
  public static final String ALL = "Approval.all";

  /** Ids of approvals in {@code :status} whose expiry is at or before {@code :now}. */
  public static final String EXPIRED = "Approval.expired";

  @Id
  @Column(length = 36)
  private String id;

  /** The tenant of its agent; set by {@link #ownedBy}. */
  @Column(nullable = false, length = 63)
  private String tenant = "default";

  @Column(name = "task_id", length = 36)
  private String taskId;

  @Column(name = "session_id", nullable = false, length = 36)
  private String sessionId;

  @Column(name = "agent_name", nullable = false, length = 63)
  private String agent;

  @Column(nullable = false, length = 128)
  private String tool;

  @Column(name = "tool_call_id", nullable = false)
  private String toolCallId;

  @Column(nullable = false)
  private String arguments;

  @Column(name = "approver_role", nullable = false, length = 16)
  private String approverRole;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ApprovalStatus status;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(length = 2000)
  private String comment;

  @Version private long version;

  protected Approval() {}

  /**
   * A pending approval.
   *
   * @param id a UUID, chosen by the run that asked
   * @param taskId the waiting task, or null for a chat turn
   * @param arguments the call's arguments as the model sent them, a JSON object text
   * @param approverRole the role that may decide ({@code operator} or {@code admin})
   */
  public Approval(
      String id,
      String taskId,
      String sessionId,
      String agent,
      String tool,
      String toolCallId,
      String arguments,
      String approverRole,
      Instant requestedAt,
      Instant expiresAt) {
    this.id = Objects.requireNonNull(id);
    this.taskId = taskId;
    this.sessionId = Objects.requireNonNull(sessionId);
    this.agent = Objects.requireNonNull(agent);
    this.tool = Objects.requireNonNull(tool);
    this.toolCallId = toolCallId == null ? "" : toolCallId;
    this.arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    this.approverRole = Objects.requireNonNull(approverRole);
    this.status = ApprovalStatus.PENDING;
    this.requestedAt = Objects.requireNonNull(requestedAt);
    this.expiresAt = Objects.requireNonNull(expiresAt);
  }

  /**
   * Decides the pending approval.
   *
   * @param outcome {@code APPROVED}, {@code DENIED} or {@code EXPIRED}
   * @param comment at most 2000 characters, or null
   * @throws IllegalStateException if it was decided before, or the outcome is {@code PENDING}
   */
  public void decide(ApprovalStatus outcome, String decidedBy, String comment, Instant now) {
    if (status != ApprovalStatus.PENDING || outcome == ApprovalStatus.PENDING) {
      throw new IllegalStateException("approval " + id + " is " + status + ", not pending");
    }
    this.status = outcome;
    this.decidedBy = decidedBy;
    this.comment = comment;
    this.decidedAt = now;
  }

  /** Whether it still waits for a decision. */
  public boolean isPending() {
    return status == ApprovalStatus.PENDING;
  }

  public String getId() {
    return id;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getSessionId() {
    return sessionId;
  }

  public String getAgent() {
    return agent;
  }

  public String getTool() {
    return tool;
  }

  public String getToolCallId() {
    return toolCallId;
  }

  /** The call's arguments, a JSON object text. */
  public String getArguments() {
    return arguments;
  }

  public String getApproverRole() {
    return approverRole;
  }

  public ApprovalStatus getStatus() {
    return status;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getComment() {
    return comment;
  }

  /**
   * Records the tenant of its agent.
   *
   * @return this approval
   */
  public Approval ownedBy(String tenant) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    return this;
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }
}
