package org.agentry.client.model;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * Body of {@code POST /api/v1/sensors/events}: an event, stored once per {@code (sensorId,
 * dedupeKey)} (or {@code eventId}), optionally starting a task.
 */
public record SensorEventRequest(
    String sensorId, String eventId, String dedupeKey, JsonValue payload, Task task) {

  /** The task to start for a new event; {@code agent} is required. */
  public record Task(
      String agent,
      String input,
      JsonValue priority,
      List<String> tags,
      Integer maxIterations,
      Integer maxDurationSeconds,
      Long tokenBudget) {}
}
