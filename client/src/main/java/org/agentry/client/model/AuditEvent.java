package org.agentry.client.model;

import java.time.Instant;

/**
 * One row of the audit log.
 *
 * @param authMethod how the actor signed in, e.g. {@code api-key}
 * @param keyPrefix the API key's public prefix, or null
 * @param action e.g. {@code agent.create}
 * @param outcome e.g. {@code success} or {@code denied}
 */
public record AuditEvent(
    String id,
    Instant at,
    String actor,
    String authMethod,
    String keyPrefix,
    String tenant,
    String action,
    String resourceType,
    String resourceId,
    String clientAddress,
    String outcome,
    String detail) {}
