package org.agentry.security.rest;

import org.agentry.platform.rest.ApiException;
import org.agentry.security.entity.ApiKey;
import org.agentry.security.entity.Role;

/**
 * Body of {@code POST /api/v1/api-keys}.
 *
 * @param name a label of 1 to 100 characters, e.g. {@code ci-pipeline}
 * @param role {@code admin}, {@code operator} or {@code viewer}
 */
public record CreateApiKeyRequest(String name, String role) {

  /**
   * The trimmed name.
   *
   * @throws ApiException 400 if it is missing, blank or too long
   */
  String validName() {
    if (name == null || name.isBlank() || name.trim().length() > ApiKey.MAX_NAME_LENGTH) {
      throw ApiException.validation(
          "'name' is required: 1 to " + ApiKey.MAX_NAME_LENGTH + " characters.");
    }
    return name.trim();
  }

  /**
   * The role.
   *
   * @throws ApiException 400 if it is missing or not a role
   */
  Role validRole() {
    try {
      return Role.fromApiName(role);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation("'role' must be one of admin, operator, viewer.");
    }
  }
}
