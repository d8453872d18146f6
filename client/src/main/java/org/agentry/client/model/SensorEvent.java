package org.agentry.client.model;

import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * An event a sensor posted, stored once per {@code (sensorId, dedupeKey)}.
 *
 * @param taskId the task the event started, or null
 * @param workflowRunId the workflow run the event started or sent an event to, or null
 */
public record SensorEvent(
    String id,
    String sensorId,
    String eventId,
    String dedupeKey,
    JsonValue payload,
    String taskId,
    String workflowRunId,
    Instant createdAt) {}
