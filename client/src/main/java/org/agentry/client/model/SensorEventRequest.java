package org.agentry.client.model;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * Body of {@code POST /api/v1/sensors/events}: an event, stored once per {@code (sensorId,
 * dedupeKey)} (or {@code eventId}), optionally starting a task or a workflow run, or sending an
 * event to a waiting workflow run (at most one of the three).
 */
public record SensorEventRequest(
    String sensorId,
    String eventId,
    String dedupeKey,
    JsonValue payload,
    Task task,
    Workflow workflow,
    WorkflowEvent workflowEvent) {

  /** An event that starts a task (or nothing, when {@code task} is null). */
  public SensorEventRequest(
      String sensorId, String eventId, String dedupeKey, JsonValue payload, Task task) {
    this(sensorId, eventId, dedupeKey, payload, task, null, null);
  }

  /** A workflow run to start; {@code input} null means the payload. */
  public record Workflow(String name, String input) {}

  /** An event of type {@code type} for the run {@code runId}, carrying the payload. */
  public record WorkflowEvent(String runId, String type) {}

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
