package org.agentry.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A task. Its state changes go through the methods here, under optimistic locking; only lease
 * renewal and the cancel request are native updates that leave the version alone (see {@code
 * dispatch.boundary.TaskRuns}), so that a run's writes never conflict with its own lease keeper.
 * Each claim gets a lease token that fences the run: a run whose token is no longer the task's
 * writes nothing. Its usage totals are summed from the usage records of its model calls.
 */
@Entity
public class Task {

  @Id
  @Column(length = 36)
  private String id;

  /** The tenant it belongs to. */
  @Column(nullable = false, length = 63)
  private String tenant;

  @Column(name = "agent_name", nullable = false, length = 63)
  private String agent;

  @Column(nullable = false)
  private String input;

  @Column(nullable = false)
  private int priority;

  /** Tags as {@code ,a,b,} (commas around each) so that one tag is found with LIKE. */
  @Column(nullable = false, length = 2000)
  private String tags;

  @Column(name = "session_id", length = 36)
  private String sessionId;

  @Column(name = "parent_task_id", length = 36)
  private String parentTaskId;

  /** The parent's tool call this task answers, for a task started by delegation; else null. */
  @Column(name = "parent_call_id")
  private String parentCallId;

  /** How many delegations led to it: 0 for a task submitted otherwise. */
  @Column(nullable = false)
  private int depth;

  /**
   * What runs this task as one of its steps and waits for its end, as {@code <kind>:<id>[:<step>]}
   * (e.g. a goal or a workflow run); null for a task nothing coordinates.
   */
  @Column(length = 200)
  private String coordinator;

  @Column(name = "max_iterations")
  private Integer maxIterations;

  @Column(name = "max_duration_seconds")
  private Integer maxDurationSeconds;

  @Column(name = "token_budget")
  private Long tokenBudget;

  @Column(name = "not_before")
  private Instant notBefore;

  @Column(name = "response_schema")
  private String responseSchema;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TaskStatus status;

  @Column(name = "input_delivered", nullable = false)
  private boolean inputDelivered;

  @Column(name = "cancel_requested", nullable = false)
  private boolean cancelRequested;

  private String output;

  @Column(name = "error_code", length = 64)
  private String errorCode;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(name = "stop_reason", length = 32)
  private String stopReason;

  private String question;

  @Column(name = "pending_call_id")
  private String pendingCallId;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "max_attempts", nullable = false)
  private int maxAttempts;

  @Column(name = "lease_owner", length = 64)
  private String leaseOwner;

  @Column(name = "lease_token", length = 36)
  private String leaseToken;

  @Column(nullable = false)
  private boolean resuming;

  @Column(name = "lease_expires_at")
  private Instant leaseExpiresAt;

  @Column(name = "enqueued_at")
  private Instant enqueuedAt;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "request_hash", length = 64)
  private String requestHash;

  /** The W3C {@code traceparent} of the request that submitted it, or null. */
  @Column(name = "trace_parent", length = 55)
  private String traceParent;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Task() {}

  /**
   * A new queued task.
   *
   * @param maxAttempts how many claims it gets before it is dead-lettered
   */
  public Task(String tenant, String agent, TaskSpec spec, int maxAttempts, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.agent = agent;
    this.input = spec.input();
    this.priority = spec.priority();
    this.tags = spec.tags().isEmpty() ? "" : "," + String.join(",", spec.tags()) + ",";
    this.sessionId = spec.sessionId();
    this.parentTaskId = spec.parentTaskId();
    this.maxIterations = spec.maxIterations();
    this.maxDurationSeconds = spec.maxDurationSeconds();
    this.tokenBudget = spec.tokenBudget();
    this.notBefore = spec.notBefore();
    this.responseSchema = spec.responseSchema();
    this.status = TaskStatus.QUEUED;
    this.maxAttempts = maxAttempts;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Marks it as started by a delegating tool call of its parent task (whose id the spec names).
   *
   * @param callId the parent's tool call it answers
   * @param depth the parent's depth plus one
   */
  public void delegatedBy(String callId, int depth) {
    this.parentCallId = callId;
    this.depth = depth;
  }

  /**
   * Marks it as a step of something that waits for its end (see {@code TaskEnded}).
   *
   * @param coordinator {@code <kind>:<id>[:<step>]}, at most 200 characters
   */
  public void coordinatedBy(String coordinator) {
    if (coordinator != null && coordinator.length() > 200) {
      throw new IllegalArgumentException("coordinator longer than 200 characters");
    }
    this.coordinator = coordinator;
  }

  /** What runs it as a step ({@code <kind>:<id>[:<step>]}), or null. */
  public String getCoordinator() {
    return coordinator;
  }

  /** The parent's tool call it answers, or null when no delegation started it. */
  public String getParentCallId() {
    return parentCallId;
  }

  /** How many delegations led to it; 0 for a task submitted otherwise. */
  public int getDepth() {
    return depth;
  }

  /** Remembers the idempotency key it was submitted with and the hash of that request. */
  public void submittedWith(String idempotencyKey, String requestHash) {
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
  }

  /**
   * Keeps the W3C {@code traceparent} (version 00: 55 characters) of the span that submitted it, so
   * that its run continues that trace; anything else is dropped.
   */
  public void tracedFrom(String traceParent) {
    this.traceParent =
        traceParent != null && traceParent.length() == 55 && traceParent.startsWith("00-")
            ? traceParent
            : null;
  }

  /** The W3C {@code traceparent} of the span that submitted it, or null. */
  public String getTraceParent() {
    return traceParent;
  }

  /** Gives up the idempotency key, whose lifetime ended, so that a new task can take it. */
  public void forgetIdempotencyKey() {
    this.idempotencyKey = null;
    this.requestHash = null;
  }

  /** The request as submitted. */
  public TaskSpec spec() {
    return new TaskSpec(
        input,
        priority,
        getTags(),
        sessionId,
        parentTaskId,
        maxIterations,
        maxDurationSeconds,
        tokenBudget,
        notBefore,
        responseSchema);
  }

  /**
   * Claims the queued task for a run: {@code queued → running} with a lease. The claim counts as an
   * attempt unless the task resumes after an answer to its agent's question.
   *
   * @param token the new lease token, unique to this claim
   * @throws IllegalStateException if the task is not queued
   */
  public void claim(String node, String token, Instant leaseExpiresAt, Instant now) {
    if (status != TaskStatus.QUEUED) {
      throw new IllegalStateException("task " + id + " is " + status + ", not queued");
    }
    this.status = TaskStatus.RUNNING;
    this.leaseOwner = node;
    this.leaseToken = token;
    this.leaseExpiresAt = leaseExpiresAt;
    if (!resuming) {
      attempts++;
    }
    this.resuming = false;
    this.pendingCallId = null;
    this.startedAt = now;
    this.updatedAt = now;
  }

  /** Whether a run with this lease token still holds the task. */
  public boolean heldBy(String token) {
    return status == TaskStatus.RUNNING && token != null && token.equals(leaseToken);
  }

  /** Notes that the task's input went into this session. */
  public void inputDelivered(String sessionId) {
    this.sessionId = sessionId;
    this.inputDelivered = true;
  }

  /** Ends the task. */
  public void finish(TaskStatus end, String output, String stopReason, Instant now) {
    this.status = end;
    this.output = output;
    this.stopReason = stopReason;
    releaseLease();
    this.finishedAt = now;
    this.updatedAt = now;
  }

  /** Ends the task as failed with an error code and message. */
  public void fail(String code, String message, String stopReason, Instant now) {
    this.errorCode = code;
    this.errorMessage = message;
    finish(TaskStatus.FAILED, null, stopReason, now);
  }

  /** Parks the task until someone answers the agent's question. */
  public void waitFor(String question, String callId, Instant now) {
    this.status = TaskStatus.WAITING;
    this.question = question;
    this.pendingCallId = callId;
    releaseLease();
    this.updatedAt = now;
  }

  /**
   * Puts a waiting task back in the queue with the answer to its question: the next claim resumes
   * the run and is not counted as an attempt.
   */
  public void resumeWithAnswer(Instant now) {
    requeue(null, now);
    this.resuming = true;
  }

  /**
   * Puts a task waiting for an approval back in the queue after the approval: the next claim
   * resumes the run, runs the approved call first and is not counted as an attempt.
   *
   * @param callId the approved tool call's id, kept as {@link #getPendingCallId()} for that claim
   */
  public void resumeApproved(String callId, Instant now) {
    resumeWithAnswer(now);
    this.pendingCallId = callId;
  }

  /** Puts the task back in the queue, to start no earlier than {@code notBefore} (or now). */
  public void requeue(Instant notBefore, Instant now) {
    this.status = TaskStatus.QUEUED;
    this.notBefore = notBefore;
    this.question = null;
    this.pendingCallId = null;
    this.enqueuedAt = null;
    releaseLease();
    this.updatedAt = now;
  }

  /** Notes that a message for it went to the queue. */
  public void enqueued(Instant now) {
    this.enqueuedAt = now;
  }

  private void releaseLease() {
    leaseOwner = null;
    leaseToken = null;
    leaseExpiresAt = null;
  }

  public boolean isRunnable(Instant now) {
    return status == TaskStatus.QUEUED && (notBefore == null || !notBefore.isAfter(now));
  }

  public String getId() {
    return id;
  }

  public String getAgent() {
    return agent;
  }

  public String getInput() {
    return input;
  }

  public int getPriority() {
    return priority;
  }

  public List<String> getTags() {
    return tags.isEmpty() ? List.of() : List.of(tags.substring(1, tags.length() - 1).split(","));
  }

  /**
   * The LIKE pattern that finds tasks with this tag, its {@code _}, {@code %} and {@code \} taken
   * literally: use it with {@code ESCAPE '\'}.
   */
  public static String tagPattern(String tag) {
    return "%," + escapeLike(tag) + ",%";
  }

  /** The text with LIKE's wildcards and escape character escaped by {@code \}. */
  public static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public String getSessionId() {
    return sessionId;
  }

  public String getParentTaskId() {
    return parentTaskId;
  }

  public Instant getNotBefore() {
    return notBefore;
  }

  /** The JSON Schema the final answer must match, as JSON text, or null for free text. */
  public String getResponseSchema() {
    return responseSchema;
  }

  public TaskStatus getStatus() {
    return status;
  }

  public boolean isInputDelivered() {
    return inputDelivered;
  }

  public boolean isCancelRequested() {
    return cancelRequested;
  }

  public String getOutput() {
    return output;
  }

  public String getErrorCode() {
    return errorCode;
  }

  public String getErrorMessage() {
    return errorMessage;
  }

  public String getStopReason() {
    return stopReason;
  }

  public String getQuestion() {
    return question;
  }

  public String getPendingCallId() {
    return pendingCallId;
  }

  public int getAttempts() {
    return attempts;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public String getLeaseOwner() {
    return leaseOwner;
  }

  public String getLeaseToken() {
    return leaseToken;
  }

  public boolean isResuming() {
    return resuming;
  }

  public Instant getLeaseExpiresAt() {
    return leaseExpiresAt;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getRequestHash() {
    return requestHash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }
}
