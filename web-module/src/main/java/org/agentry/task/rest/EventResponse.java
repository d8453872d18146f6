package org.agentry.task.rest;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.agentry.platform.entity.Jsons;
import org.agentry.task.entity.TaskEvent;

/**
 * A task event.
 *
 * @param id grows with every event of every task; pass it as {@code after} or {@code Last-Event-ID}
 * @param type {@code status}, {@code model.request}, {@code model.response}, {@code tool.start},
 *     {@code tool.end} or {@code message}
 */
public record EventResponse(
    long id, String taskId, String agent, String type, JsonObject data, Instant createdAt) {

  /** The event as the API shows it. */
  public static EventResponse of(TaskEvent event) {
    try (var reader = Jsons.createReader(new StringReader(event.getData()))) {
      return new EventResponse(
          event.getId(),
          event.getTaskId(),
          event.getAgent(),
          event.getType(),
          reader.readObject(),
          event.getCreatedAt());
    }
  }
}
