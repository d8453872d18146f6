package org.agentry.security.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.agentry.platform.rest.ApiException;
import org.agentry.security.entity.Role;
import org.junit.jupiter.api.Test;

class CreateApiKeyRequestTest {

  @Test
  void acceptsANameAndARole() {
    var request = new CreateApiKeyRequest(" ci ", "Operator");
    assertEquals("ci", request.validName());
    assertEquals(Role.OPERATOR, request.validRole());
  }

  @Test
  void refusesMissingNamesAndUnknownRoles() {
    var noName = new CreateApiKeyRequest(null, "viewer");
    assertEquals(
        "VALIDATION_FAILED", assertThrows(ApiException.class, noName::validName).problem().code());
    var badRole = new CreateApiKeyRequest("ci", "root");
    assertThrows(ApiException.class, badRole::validRole);
    assertThrows(ApiException.class, new CreateApiKeyRequest("x".repeat(101), "viewer")::validName);
  }

  @Test
  void refusesANameThatTrimsToNothing() {
    // control characters are not whitespace to isBlank() but trim() removes them: found by FuzzIT
    var controls = new CreateApiKeyRequest("\u0002\u0002\u001f", "viewer");
    assertEquals(
        "VALIDATION_FAILED",
        assertThrows(ApiException.class, controls::validName).problem().code());
  }
}
