package org.agentry.sensor.rest;

import jakarta.json.JsonString;
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
 * @param workflow a workflow run to start the first time the event arrives, or absent
 * @param workflowEvent an event to send to a state-machine workflow run the first time the event
 *     arrives, or absent; at most one of {@code task}, {@code workflow} and {@code workflowEvent}
 */
public record SensorEventRequest(
    String sensorId,
    String eventId,
    String dedupeKey,
    JsonValue payload,
    Task task,
    Workflow workflow,
    WorkflowEvent workflowEvent) {

  /**
   * A run to start: the workflow's name and the run's input (default: the event's payload, a JSON
   * string as its text, anything else as JSON).
   */
  public record Workflow(String name, String input) {}

  /**
   * An event for a run: its id and the event's type; the event's payload is the event's (as for
   * {@code POST /api/v1/workflow-runs/{id}/events}).
   */
  public record WorkflowEvent(String runId, String type) {}

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
  SensorEvents.Order order() {
    int orders =
        (task == null ? 0 : 1) + (workflow == null ? 0 : 1) + (workflowEvent == null ? 0 : 1);
    if (orders > 1) {
      throw ApiException.validation(
          "At most one of 'task', 'workflow' and 'workflowEvent' may be given.");
    }
    if (workflow != null) {
      if (workflow.name() == null || workflow.name().isBlank()) {
        throw ApiException.validation("'workflow.name' is required.");
      }
      var input = workflow.input() != null ? workflow.input() : payloadText();
      return new SensorEvents.RunOrder(workflow.name(), input);
    }
    if (workflowEvent != null) {
      if (workflowEvent.runId() == null || workflowEvent.type() == null) {
        throw ApiException.validation(
            "'workflowEvent.runId' and 'workflowEvent.type' are required.");
      }
      var text = payloadText();
      return new SensorEvents.RunSignal(
          workflowEvent.runId(), workflowEvent.type(), text == null ? workflowEvent.type() : text);
    }
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
            null,
            null);
    return new SensorEvents.TaskOrder(task.agent(), request.toSpec(Instant.now()));
  }

  /** The payload as a run's input: a JSON string as its text, any other value as JSON; or null. */
  private String payloadText() {
    if (payload == null || payload.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return payload instanceof JsonString text ? text.getString() : payload.toString();
  }
}
