package org.agentry.audit.rest;

import java.time.Instant;
import org.agentry.audit.entity.AuditEvent;

/**
 * One audit row as the API shows it; absent members were not known (JSON-B leaves out nulls).
 *
 * @param actor {@code admin}, {@code api-key:<id>}, {@code oidc:<sub>} or {@code anonymous}
 * @param authMethod {@code admin-token}, {@code api-key}, {@code oidc}, {@code session} or {@code
 *     none}
 * @param keyPrefix the first 12 characters of the API key used, never the key
 * @param outcome {@code ok}, or the problem code of a refusal (e.g. {@code UNAUTHORIZED})
 */
public record AuditEventResponse(
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
    String detail) {

  static AuditEventResponse of(AuditEvent e) {
    return new AuditEventResponse(
        e.getId(),
        e.getAt(),
        e.getActor(),
        e.getAuthMethod(),
        e.getKeyPrefix(),
        e.getTenant(),
        e.getAction(),
        e.getResourceType(),
        e.getResourceId(),
        e.getClientAddress(),
        e.getOutcome(),
        e.getDetail());
  }
}
