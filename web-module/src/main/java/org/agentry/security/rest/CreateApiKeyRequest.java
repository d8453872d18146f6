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
   * The name without leading and trailing characters up to U+0020 ({@link String#trim()}).
   *
   * @throws ApiException 400 if it is missing, or blank or too long once trimmed
   */
  String validName() {
    var trimmed = name == null ? null : name.trim();
    if (trimmed == null || trimmed.isBlank() || trimmed.length() > ApiKey.MAX_NAME_LENGTH) {
      throw ApiException.validation(
          "'name' is required: 1 to " + ApiKey.MAX_NAME_LENGTH + " characters.");
    }
    return trimmed;
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
