package org.agentry.security.control;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.agentry.security.entity.Role;

/**
 * A person or service the identity provider vouched for.
 *
 * @param subject the {@code sub} claim
 * @param name the {@code name} claim, else {@code preferred_username}, else null
 * @param email the {@code email} claim, or null
 * @param roles the Agentry roles its claims map to; empty when none is mapped
 */
public record OidcIdentity(String subject, String name, String email, Set<Role> roles) {

  public OidcIdentity {
    Objects.requireNonNull(subject, "subject");
    roles = Set.copyOf(roles);
  }

  /** The identity in a token's claims (JSON values), with roles from {@code mapping}. */
  public static OidcIdentity of(Map<String, Object> claims, RoleMapping mapping) {
    var name = claims.get("name") instanceof String n ? n : null;
    if (name == null && claims.get("preferred_username") instanceof String user) {
      name = user;
    }
    var email = claims.get("email") instanceof String e ? e : null;
    return new OidcIdentity(
        String.valueOf(claims.get("sub")), name, email, mapping.rolesOf(claims));
  }
}
