package org.agentry.client.model;

import java.util.List;

/**
 * {@code GET /api/v1/me}: who the caller is.
 *
 * @param roles {@code admin}, {@code operator} or {@code viewer}; empty for a caller without a role
 * @param authenticatedBy {@code oidc}, {@code session}, {@code api-key} or {@code admin-token}
 */
public record Me(
    String subject,
    String name,
    String email,
    List<String> roles,
    String tenant,
    String authenticatedBy) {}
