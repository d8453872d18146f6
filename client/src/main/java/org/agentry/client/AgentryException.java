package org.agentry.client;

import jakarta.json.JsonObject;

/**
 * An error answer of the API. For an RFC 9457 {@code application/problem+json} body, {@link
 * #code()} is the problem's stable code (e.g. {@code AGENT_NOT_FOUND}) and {@link #problem()} the
 * whole body with its extension members; for any other error body the code is {@code HTTP_<status>}
 * and the detail the body's first 500 characters. Subclasses group the statuses a caller usually
 * handles; switch on {@link #code()} for the rest.
 */
public class AgentryException extends RuntimeException {

  private final int status;
  private final String code;
  private final String title;
  private final String detail;
  private final transient JsonObject problem;

  /**
   * An API error.
   *
   * @param problem the problem body, or null when the answer was not a problem
   */
  public AgentryException(
      int status, String code, String title, String detail, JsonObject problem) {
    super(status + " " + code + (detail == null || detail.isBlank() ? "" : ": " + detail));
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
  }

  /** The HTTP status, e.g. 404. */
  public int status() {
    return status;
  }

  /** The problem's stable code, e.g. {@code TASK_NOT_FOUND}, or {@code HTTP_<status>}. */
  public String code() {
    return code;
  }

  /** The problem's title, the same for every occurrence of the code; or the HTTP reason. */
  public String title() {
    return title;
  }

  /** What went wrong this time, or null. */
  public String detail() {
    return detail;
  }

  /** The problem body with its extension members (e.g. {@code line}), or null. */
  public JsonObject problem() {
    return problem;
  }

  /** 404: the resource (agent, task, schedule, …) does not exist. */
  public static final class NotFound extends AgentryException {
    NotFound(int status, String code, String title, String detail, JsonObject problem) {
      super(status, code, title, detail, problem);
    }
  }

  /** 409, 412, 428: the resource's state or version does not allow the change. */
  public static final class Conflict extends AgentryException {
    Conflict(int status, String code, String title, String detail, JsonObject problem) {
      super(status, code, title, detail, problem);
    }
  }

  /** 400, 413, 415, 422: the request was refused as malformed or invalid; nothing changed. */
  public static final class InvalidRequest extends AgentryException {
    InvalidRequest(int status, String code, String title, String detail, JsonObject problem) {
      super(status, code, title, detail, problem);
    }
  }

  /** 401, 403: no, unknown or revoked token, or a role that is too low. */
  public static final class AccessDenied extends AgentryException {
    AccessDenied(int status, String code, String title, String detail, JsonObject problem) {
      super(status, code, title, detail, problem);
    }
  }

  /** The exception for an error answer, of the subclass its status belongs to. */
  static AgentryException of(
      int status, String code, String title, String detail, JsonObject problem) {
    return switch (status) {
      case 404 -> new NotFound(status, code, title, detail, problem);
      case 409, 412, 428 -> new Conflict(status, code, title, detail, problem);
      case 400, 413, 415, 422 -> new InvalidRequest(status, code, title, detail, problem);
      case 401, 403 -> new AccessDenied(status, code, title, detail, problem);
      default -> new AgentryException(status, code, title, detail, problem);
    };
  }
}
