package org.agentry.audit.entity;

import java.util.Objects;

/**
 * Who acted, as the audit log records it.
 *
 * @param subject {@code admin}, {@code api-key:<id>}, {@code oidc:<sub>}, {@value #SYSTEM} for the
 *     server's own timers, or {@value #ANONYMOUS} for a refused sign-in
 * @param authMethod {@code admin-token}, {@code api-key}, {@code oidc}, {@code session}, {@code
 *     system}, or {@code none} when sign-in failed
 * @param keyPrefix an API key's display prefix (never the key), or null
 * @param tenant the caller's tenant
 * @param clientAddress the client's IP address, or null outside an HTTP request
 */
public record Actor(
    String subject, String authMethod, String keyPrefix, String tenant, String clientAddress) {

  /** The subject of changes the server makes by itself (timers, message consumers). */
  public static final String SYSTEM = "system";

  /** The subject of a refused sign-in. */
  public static final String ANONYMOUS = "anonymous";

  /** The default tenant: the admin token's, and that of a caller whose token names none. */
  public static final String DEFAULT_TENANT = "default";

  public Actor {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(authMethod, "authMethod");
    tenant = tenant == null ? DEFAULT_TENANT : tenant;
  }

  /** The server itself. */
  public static Actor system() {
    return new Actor(SYSTEM, SYSTEM, null, DEFAULT_TENANT, null);
  }
}
