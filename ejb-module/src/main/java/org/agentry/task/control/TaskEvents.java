package org.agentry.task.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import org.agentry.platform.entity.Jsons;
import org.agentry.task.entity.TaskEvent;

/**
 * Appends task events in the caller's transaction, without reading the task. Events are collected
 * and written by {@link #write()}, which the boundary calls at the end of its transaction: one
 * multi-row insert whose ids the database assigns in order from {@code task_event_seq}. Each
 * event's {@code data} is one of the records here, written as a JSON object by the shared JSON-B
 * instance (members in lexicographic order, null members left out).
 */
@ApplicationScoped
public class TaskEvents {

  /** A status change. */
  public static final String STATUS = "status";

  /** A model call about to be made. */
  public static final String MODEL_REQUEST = "model.request";

  /** A model's answer with its usage. */
  public static final String MODEL_RESPONSE = "model.response";

  /** A tool call about to run. */
  public static final String TOOL_START = "tool.start";

  /** A tool call's end. */
  public static final String TOOL_END = "tool.end";

  /** A message: the task's input, an answer to the agent's question, or the final reply. */
  public static final String MESSAGE = "message";

  /** A tool call's attempt failed; the call runs again. */
  public static final String TOOL_RETRY = "tool.retry";

  /** A tool call's arguments broke the tool's schema; the model is asked to call again. */
  public static final String TOOL_REPAIR = "tool.repair";

  /** A tool call's error stood and the task waits for a person. */
  public static final String TOOL_ESCALATED = "tool.escalated";

  /** A delegate call started a child task. */
  public static final String DELEGATION_STARTED = "delegation.started";

  /** A child task started by a delegate call ended; its result went to the call. */
  public static final String DELEGATION_ENDED = "delegation.ended";

  @PersistenceContext EntityManager em;

  @Inject Clock clock;
  @Inject PendingEvents pending;

  /** An event's data. */
  public sealed interface Data
      permits Status,
          ModelRequest,
          ModelResponse,
          ToolStart,
          ToolEnd,
          ToolRetry,
          ToolRepair,
          ToolEscalated,
          DelegationStarted,
          DelegationEnded,
          Text {

    /** The event's type, e.g. {@value TaskEvents#STATUS}. */
    String type();
  }

  /**
   * A status change. Besides {@code status}, only the members that apply are set.
   *
   * @param status the task's new status as the API names it
   * @param priority for {@code queued} at submit: 0–9
   * @param node for {@code running}: the node that claimed it
   * @param attempt for {@code running}: the attempt it counts as
   * @param stopReason for an end: why the run stopped
   * @param error for {@code failed} without a run: the error code
   * @param reason for {@code queued} again: {@code provider_error} or {@code lease_expired}; for
   *     {@code waiting} on a tool call's approval: {@code approval}; on a tool error a person is to
   *     resolve: {@code tool_error}; for child tasks started by delegate calls: {@code children}
   * @param question for {@code waiting}: what the agent asked
   * @param cancelRequested for {@code running}: true once a cancel was asked
   */
  public record Status(
      String status,
      Integer priority,
      String node,
      Integer attempt,
      String stopReason,
      String error,
      String reason,
      String question,
      Boolean cancelRequested)
      implements Data {

    /** Just the status. */
    public static Status of(String status) {
      return new Status(status, null, null, null, null, null, null, null, null);
    }

    public static Status queued(int priority) {
      return new Status("queued", priority, null, null, null, null, null, null, null);
    }

    public static Status requeued(String reason) {
      return new Status("queued", null, null, null, null, null, reason, null, null);
    }

    public static Status running(String node, int attempt) {
      return new Status("running", null, node, attempt, null, null, null, null, null);
    }

    public static Status cancelAsked() {
      return new Status("running", null, null, null, null, null, null, null, true);
    }

    public static Status waiting(String question) {
      return new Status("waiting", null, null, null, null, null, null, question, null);
    }

    /** Waiting for a decision on a tool call: reason {@code approval}. */
    public static Status waitingForApproval(String question) {
      return new Status("waiting", null, null, null, null, null, "approval", question, null);
    }

    /** Waiting for a person to resolve a tool error: reason {@code tool_error}. */
    public static Status waitingForToolError(String question) {
      return new Status("waiting", null, null, null, null, null, "tool_error", question, null);
    }

    /** Waiting for the child tasks of delegate calls: reason {@code children}. */
    public static Status waitingForChildren(String question) {
      return new Status("waiting", null, null, null, null, null, "children", question, null);
    }

    public static Status ended(String status, String stopReason) {
      return new Status(status, null, null, null, stopReason, null, null, null, null);
    }

    public static Status failed(String error) {
      return new Status("failed", null, null, null, null, error, null, null, null);
    }

    @Override
    public String type() {
      return STATUS;
    }
  }

  /**
   * A model call about to be made.
   *
   * @param messages how many messages it sends, the system prompt included
   * @param lastMessageId the id of the session's last stored message it sends
   */
  public record ModelRequest(int iteration, int messages, long lastMessageId) implements Data {
    @Override
    public String type() {
      return MODEL_REQUEST;
    }
  }

  /**
   * A model's answer.
   *
   * @param costUsd USD
   * @param latencyMs ms
   * @param text the reply's text, or null
   * @param toolCalls how many tool calls it asked for
   */
  public record ModelResponse(
      int iteration,
      int promptTokens,
      int completionTokens,
      BigDecimal costUsd,
      long latencyMs,
      String text,
      int toolCalls)
      implements Data {
    @Override
    public String type() {
      return MODEL_RESPONSE;
    }
  }

  /**
   * A tool call about to run.
   *
   * @param arguments the arguments as the model sent them, a JSON text
   */
  public record ToolStart(String callId, String name, String arguments) implements Data {
    @Override
    public String type() {
      return TOOL_START;
    }
  }

  /**
   * A tool call's end.
   *
   * @param durationMs ms
   * @param error why it failed, or null
   */
  public record ToolEnd(String callId, String name, long durationMs, String error) implements Data {
    @Override
    public String type() {
      return TOOL_END;
    }
  }

  /**
   * A tool call's failed attempt, before the next one.
   *
   * @param attempt the attempt that failed, 1 for the first
   * @param error why it failed
   * @param backoffMs the wait before the next attempt, ms
   */
  public record ToolRetry(String callId, String name, int attempt, String error, long backoffMs)
      implements Data {
    @Override
    public String type() {
      return TOOL_RETRY;
    }
  }

  /**
   * A tool call whose arguments broke the tool's JSON schema: it did not run, and the model is
   * asked to call again.
   *
   * @param attempt the model's call of the tool in a row with invalid arguments, 1 for the first
   * @param errors the validation errors, each {@code <JSON Pointer>: <what is wrong>}
   */
  public record ToolRepair(String callId, String name, int attempt, java.util.List<String> errors)
      implements Data {
    @Override
    public String type() {
      return TOOL_REPAIR;
    }
  }

  /**
   * A tool call whose error stood after its policy's retries or repairs, handed to a person; the
   * answer to {@code POST /api/v1/tasks/{id}/respond} becomes the call's result.
   *
   * @param arguments the arguments as the model sent them, a JSON text
   * @param attempts the tool's runs, or the model's calls with invalid arguments
   */
  public record ToolEscalated(
      String callId, String name, String arguments, String error, int attempts) implements Data {
    @Override
    public String type() {
      return TOOL_ESCALATED;
    }
  }

  /**
   * A delegate call of the task's run started a child task.
   *
   * @param agent the delegate
   * @param childTaskId the task that runs it
   */
  public record DelegationStarted(String callId, String agent, String childTaskId) implements Data {
    @Override
    public String type() {
      return DELEGATION_STARTED;
    }
  }

  /**
   * A child task ended and its output (or error) became the delegate call's result.
   *
   * @param status the child's end: {@code completed}, {@code failed} or {@code cancelled}
   * @param error for a child that did not complete: what the call's result says, else null
   */
  public record DelegationEnded(
      String callId, String agent, String childTaskId, String status, String error)
      implements Data {
    @Override
    public String type() {
      return DELEGATION_ENDED;
    }
  }

  /**
   * A message.
   *
   * @param role {@code user} or {@code assistant}
   */
  public record Text(String role, String content) implements Data {
    @Override
    public String type() {
      return MESSAGE;
    }
  }

  /** Appends an event to the task's stream, to be written by {@link #write()}. */
  public void append(String taskId, String agent, Data data) {
    pending.add(
        new TaskEvent(taskId, agent, data.type(), Jsons.jsonb().toJson(data), clock.instant()));
  }

  /**
   * Appends an event whose type and data another feature defines ({@code todo.updated}, say), to be
   * written by {@link #write()}.
   *
   * @param type at most 32 characters
   * @param data a JSON object text
   */
  public void append(String taskId, String agent, String type, String data) {
    pending.add(new TaskEvent(taskId, agent, type, data, clock.instant()));
  }

  /** Writes the events this transaction appended, in one statement. */
  public void write() {
    var events = pending.drain();
    if (events.isEmpty()) {
      return;
    }
    var sql =
        new StringBuilder(
            "INSERT INTO task_event (task_id, agent_name, type, data, created_at) VALUES ");
    for (int i = 0; i < events.size(); i++) {
      sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
    }
    var insert = em.createNativeQuery(sql.toString());
    int position = 1;
    for (var event : events) {
      insert.setParameter(position++, event.getTaskId());
      insert.setParameter(position++, event.getAgent());
      insert.setParameter(position++, event.getType());
      insert.setParameter(position++, event.getData());
      insert.setParameter(position++, event.getCreatedAt().atOffset(ZoneOffset.UTC));
    }
    insert.executeUpdate();
  }
}
