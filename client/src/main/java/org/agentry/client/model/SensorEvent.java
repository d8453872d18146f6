package org.agentry.client.model;

import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * An event a sensor posted, stored once per {@code (sensorId, dedupeKey)}.
 *
 * @param taskId the task the event started, or null
 */
public record SensorEvent(
    String id,
    String sensorId,
    String eventId,
    String dedupeKey,
    JsonValue payload,
    String taskId,
    Instant createdAt) {}
