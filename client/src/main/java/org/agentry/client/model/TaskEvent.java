package org.agentry.client.model;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;

/**
 * A task event, from {@code GET /api/v1/tasks/{id}/events} or the task's event stream.
 *
 * @param id grows with every event of every task; resume after it
 * @param type {@code status}, {@code model.request}, {@code model.response}, {@code tool.start},
 *     {@code tool.end} or {@code message}
 * @param data the event's members, e.g. {@code {"status":"running","node":"…","attempt":1}} or
 *     {@code {"iteration":1,"promptTokens":100,"completionTokens":8,"costUsd":0.0001,…}}
 * @param agent null for an event read from a stream
 * @param createdAt null for an event read from a stream
 */
public record TaskEvent(
    long id, String taskId, String agent, String type, JsonObject data, Instant createdAt) {

  /** The status a {@code status} event reports, else null. */
  public String status() {
    return "status".equals(type) ? text("status") : null;
  }

  /** Whether this is the status event of the task's end. */
  public boolean terminal() {
    var status = status();
    return status != null && Task.TERMINAL.contains(status);
  }

  /** A string member of {@code data}, or null. */
  public String text(String member) {
    return data != null && data.get(member) instanceof JsonString s ? s.getString() : null;
  }

  /** A number member of {@code data}, or 0 when absent. */
  public long number(String member) {
    return data != null && data.get(member) instanceof JsonNumber n ? n.longValue() : 0;
  }
}
