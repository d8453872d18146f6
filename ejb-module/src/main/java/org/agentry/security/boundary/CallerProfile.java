package org.agentry.security.boundary;

import java.util.List;

/**
 * Who a caller is, as {@code GET /api/v1/me} shows it.
 *
 * @param subject the identity provider's {@code sub}, {@code admin} for the admin token, {@code
 *     api-key:<id>} for an API key
 * @param name the display name ({@code name} or {@code preferred_username} claim), or null
 * @param email the {@code email} claim, or null
 * @param roles the roles the caller holds (lower case), highest first; empty when none is mapped
 * @param tenant the caller's tenant (its API key's, or its token's tenant claim); else {@value
 *     #DEFAULT_TENANT}
 * @param authenticatedBy {@code oidc}, {@code session}, {@code api-key} or {@code admin-token}
 */
public record CallerProfile(
    String subject,
    String name,
    String email,
    List<String> roles,
    String tenant,
    String authenticatedBy) {

  /** The default tenant: the admin token's, and that of a caller whose token names none. */
  public static final String DEFAULT_TENANT = "default";

  public CallerProfile {
    roles = List.copyOf(roles);
  }
}
