package org.agentry.sensor.rest;

import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import org.agentry.platform.entity.Jsons;
import org.agentry.sensor.entity.SensorEvent;

/**
 * A sensor event as the API shows it; {@code taskId} is the task it started, {@code workflowRunId}
 * the workflow run it started or sent an event to, if any.
 */
public record SensorEventResponse(
    String id,
    String sensorId,
    String eventId,
    String dedupeKey,
    JsonValue payload,
    String taskId,
    String workflowRunId,
    Instant createdAt) {

  static SensorEventResponse of(SensorEvent event) {
    JsonValue payload = null;
    if (event.getPayload() != null) {
      try (var reader = Jsons.createReader(new StringReader(event.getPayload()))) {
        payload = reader.readValue();
      }
    }
    return new SensorEventResponse(
        event.getId(),
        event.getSensorId(),
        event.getEventId(),
        event.getDedupeKey(),
        payload,
        event.getTaskId(),
        event.getWorkflowRunId(),
        event.getCreatedAt());
  }
}
