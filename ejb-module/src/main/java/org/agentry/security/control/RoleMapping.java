package org.agentry.security.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agentry.security.entity.Role;

/**
 * Turns the group or role names an identity provider puts in a token into Agentry roles.
 *
 * <p>The claim is named by a path: {@code groups}, {@code roles}, or a dotted path into nested
 * objects such as Keycloak's {@code realm_access.roles}; a claim whose whole name is the path (e.g.
 * a namespaced {@code https://example.com/roles}) is taken first. Its value is a JSON array of
 * strings or a single string. The mapping is {@code idp-name=role} pairs separated by commas (e.g.
 * {@code agentry-admins=admin,staff=viewer}); a name with a leading {@code /} (Keycloak's group
 * path) also matches without it. With no mapping, the names {@code admin}, {@code operator} and
 * {@code viewer} map to themselves.
 *
 * @param claimPath the claim's path, e.g. {@code groups}
 * @param mapping IdP name to role
 */
public record RoleMapping(String claimPath, Map<String, Role> mapping) {

  /**
   * Parses the settings.
   *
   * @param claimPath e.g. {@code groups} or {@code realm_access.roles}
   * @param pairs e.g. {@code agentry-admins=admin,agentry-ops=operator}; blank for the identity
   *     mapping
   * @throws IllegalArgumentException if a pair has no {@code =} or names an unknown role
   */
  public static RoleMapping parse(String claimPath, String pairs) {
    var mapping = new java.util.LinkedHashMap<String, Role>();
    if (pairs == null || pairs.isBlank()) {
      for (Role role : Role.values()) {
        mapping.put(role.apiName(), role);
      }
    } else {
      for (String pair : pairs.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        int eq = pair.lastIndexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "agentry.oidc.role-mapping: '" + pair.trim() + "' is not name=role");
        }
        mapping.put(pair.substring(0, eq).trim(), Role.fromApiName(pair.substring(eq + 1)));
      }
    }
    return new RoleMapping(claimPath, Map.copyOf(mapping));
  }

  /**
   * The roles a token's claims map to; empty when the claim is absent or nothing in it is mapped.
   *
   * @param claims the token's claims as JSON values (maps, lists, strings)
   */
  public Set<Role> rolesOf(Map<String, Object> claims) {
    var roles = EnumSet.noneOf(Role.class);
    for (String name : namesIn(claims)) {
      var role = mapping.get(name);
      if (role == null && name.startsWith("/")) {
        role = mapping.get(name.substring(1));
      }
      if (role != null) {
        roles.add(role);
      }
    }
    return roles;
  }

  /** The strings at the claim path. */
  List<String> namesIn(Map<String, Object> claims) {
    Object value = claims.containsKey(claimPath) ? claims.get(claimPath) : walk(claims);
    var names = new ArrayList<String>();
    if (value instanceof String single) {
      names.add(single);
    } else if (value instanceof Collection<?> many) {
      many.stream().filter(String.class::isInstance).map(String.class::cast).forEach(names::add);
    }
    return names;
  }

  private Object walk(Map<String, Object> claims) {
    Object node = claims;
    for (String segment : claimPath.split("\\.")) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(segment);
    }
    return node;
  }
}
