package org.agentry.sensor.rest;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.agentry.sensor.boundary.SensorEvents;
import org.agentry.task.rest.CreateTaskRequest;

/**
 * Body of {@code POST /api/v1/sensors/events}.
 *
 * @param sensorId who reports, e.g. {@code github-webhook}
 * @param eventId the sensor's own id of the event
 * @param dedupeKey what makes two posts the same event (default: eventId)
 * @param payload any JSON, kept as it came
 * @param task a task to start the first time the event arrives, or absent
 */
public record SensorEventRequest(
    String sensorId, String eventId, String dedupeKey, JsonValue payload, Task task) {

  /** The task to start: an agent and the fields of {@code POST /api/v1/agents/{name}/tasks}. */
  public record Task(
      String agent,
      String input,
      JsonValue priority,
      List<String> tags,
      Integer maxIterations,
      Integer maxDurationSeconds,
      Long tokenBudget) {}

  /**
   * The task order, or null.
   *
   * @throws ApiException 400 when the task names no agent or breaks a task rule
   */
  SensorEvents.TaskOrder order() {
    if (task == null) {
      return null;
    }
    if (task.agent() == null || task.agent().isBlank()) {
      throw ApiException.validation("'task.agent' is required.");
    }
    var request =
        new CreateTaskRequest(
            task.input(),
            task.priority(),
            task.tags(),
            null,
            task.maxIterations(),
            task.maxDurationSeconds(),
            task.tokenBudget(),
            null,
            null,
            null);
    return new SensorEvents.TaskOrder(task.agent(), request.toSpec(Instant.now()));
  }
}
