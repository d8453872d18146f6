package org.agentry.security.entity;

import java.util.Locale;
import java.util.Set;

/**
 * The roles of Agentry's API, from most to least privileged. A role includes every role below it:
 * an {@code ADMIN} is also an {@code OPERATOR} and a {@code VIEWER}.
 */
public enum Role {
  /** Manages API keys, providers and dispatch; everything an operator may do. */
  ADMIN,
  /** Creates and steers agents, tasks and schedules; everything a viewer may do. */
  OPERATOR,
  /** Reads everything that is not a secret. */
  VIEWER;

  /** The role names as used in {@code @RolesAllowed}: lower case. */
  public static final String ADMIN_NAME = "admin";

  public static final String OPERATOR_NAME = "operator";
  public static final String VIEWER_NAME = "viewer";

  /** The lower-case name of this role, as used in the API and in {@code @RolesAllowed}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The API names of this role and every role it includes. */
  public Set<String> grantedRoleNames() {
    return switch (this) {
      case ADMIN -> Set.of(ADMIN_NAME, OPERATOR_NAME, VIEWER_NAME);
      case OPERATOR -> Set.of(OPERATOR_NAME, VIEWER_NAME);
      case VIEWER -> Set.of(VIEWER_NAME);
    };
  }

  /**
   * Parses an API role name, case-insensitively.
   *
   * @throws IllegalArgumentException if the name is not {@code admin}, {@code operator} or {@code
   *     viewer}
   */
  public static Role fromApiName(String name) {
    if (name != null) {
      for (Role role : values()) {
        if (role.apiName().equalsIgnoreCase(name.trim())) {
          return role;
        }
      }
    }
    throw new IllegalArgumentException("role must be one of admin, operator, viewer");
  }
}
