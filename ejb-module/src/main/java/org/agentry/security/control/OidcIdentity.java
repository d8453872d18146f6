package org.agentry.security.control;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.agentry.security.entity.Role;
import org.agentry.tenant.entity.Tenants;

/**
 * A person or service the identity provider vouched for.
 *
 * @param subject the {@code sub} claim
 * @param name the {@code name} claim, else {@code preferred_username}, else null
 * @param email the {@code email} claim, or null
 * @param roles the Agentry roles its claims map to; empty when none is mapped
 * @param tenant the tenant its tenant claim names, {@code default} without one
 * @param platformAdmin whether its groups hold the platform-admin group (may act across tenants)
 */
public record OidcIdentity(
    String subject,
    String name,
    String email,
    Set<Role> roles,
    String tenant,
    boolean platformAdmin) {

  public OidcIdentity {
    Objects.requireNonNull(subject, "subject");
    roles = Set.copyOf(roles);
    tenant = tenant == null ? Tenants.DEFAULT : tenant;
  }

  /** An identity of the default tenant that is no platform admin. */
  public OidcIdentity(String subject, String name, String email, Set<Role> roles) {
    this(subject, name, email, roles, Tenants.DEFAULT, false);
  }

  /** The same identity with other roles. */
  public OidcIdentity withRoles(Set<Role> newRoles) {
    return new OidcIdentity(subject, name, email, newRoles, tenant, platformAdmin);
  }

  /** The identity in a token's claims (JSON values), with roles from {@code mapping}. */
  public static OidcIdentity of(Map<String, Object> claims, RoleMapping mapping) {
    return of(claims, mapping, TenantClaim.DEFAULTS);
  }

  /**
   * The identity in a token's claims (JSON values), with roles from {@code mapping} and the tenant
   * and platform-admin group as {@code tenancy} names them.
   *
   * @throws InvalidTokenException if the tenant claim is not a valid tenant name
   */
  public static OidcIdentity of(
      Map<String, Object> claims, RoleMapping mapping, TenantClaim tenancy) {
    var name = claims.get("name") instanceof String n ? n : null;
    if (name == null && claims.get("preferred_username") instanceof String user) {
      name = user;
    }
    var email = claims.get("email") instanceof String e ? e : null;
    return new OidcIdentity(
        String.valueOf(claims.get("sub")),
        name,
        email,
        mapping.rolesOf(claims),
        tenancy.tenantOf(claims),
        mapping.namesIn(claims).contains(tenancy.platformAdminGroup()));
  }
}
