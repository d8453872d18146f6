package org.agentry.sensor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.agentry.platform.entity.InvalidInputException;

/**
 * An event a sensor reported. The pair (sensor, dedupe key) is unique: the same event posted again
 * is recognised and answered with the first one's result. Events never change.
 */
@Entity
@Table(name = "sensor_event")
public class SensorEvent {

  @Id
  @Column(length = 36)
  private String id;

  /** The tenant of the caller that posted it. */
  @Column(nullable = false, length = 63)
  private String tenant;

  @Column(name = "sensor_id", nullable = false, length = 128)
  private String sensorId;

  @Column(name = "event_id")
  private String eventId;

  @Column(name = "dedupe_key", nullable = false)
  private String dedupeKey;

  private String payload;

  @Column(name = "task_id", length = 36)
  private String taskId;

  /** The workflow run it started or sent an event to, or null. */
  @Column(name = "workflow_run_id", length = 36)
  private String workflowRunId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SensorEvent() {}

  /**
   * @param sensorId 1–128 characters
   * @param eventId the sensor's id of the event, or null
   * @param dedupeKey 1–255 characters; defaults to the event id when null
   * @param payload a JSON text, or null
   * @throws InvalidInputException naming the field that breaks a rule
   */
  public SensorEvent(
      String tenant,
      String sensorId,
      String eventId,
      String dedupeKey,
      String payload,
      Instant now) {
    this.tenant = java.util.Objects.requireNonNull(tenant, "tenant");
    InvalidInputException.check(
        sensorId != null && !sensorId.isBlank() && sensorId.length() <= 128,
        "'sensorId' is required, at most 128 characters");
    var key = dedupeKey != null ? dedupeKey : eventId;
    InvalidInputException.check(
        key != null && !key.isBlank() && key.length() <= 255,
        "'dedupeKey' (or 'eventId') is required, at most 255 characters");
    InvalidInputException.check(
        eventId == null || eventId.length() <= 255, "'eventId' must be at most 255 characters");
    this.id = UUID.randomUUID().toString();
    this.sensorId = sensorId;
    this.eventId = eventId;
    this.dedupeKey = key;
    this.payload = payload;
    this.createdAt = now;
  }

  /** Notes the task the event started. */
  public void started(String taskId) {
    this.taskId = taskId;
  }

  /** Notes the workflow run the event started or sent an event to. */
  public void reached(String workflowRunId) {
    this.workflowRunId = workflowRunId;
  }

  /** The workflow run it started or signalled, or null. */
  public String getWorkflowRunId() {
    return workflowRunId;
  }

  public String getId() {
    return id;
  }

  public String getSensorId() {
    return sensorId;
  }

  public String getEventId() {
    return eventId;
  }

  public String getDedupeKey() {
    return dedupeKey;
  }

  public String getPayload() {
    return payload;
  }

  public String getTaskId() {
    return taskId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }
}
