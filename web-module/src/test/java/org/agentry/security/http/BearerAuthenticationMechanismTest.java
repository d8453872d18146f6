package org.agentry.security.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BearerAuthenticationMechanismTest {

  @Test
  void readsTheTokenWithTheSchemeInAnyCase() {
    assertEquals("abc", BearerAuthenticationMechanism.bearerToken("Bearer abc"));
    assertEquals("abc", BearerAuthenticationMechanism.bearerToken("bearer  abc "));
  }

  @Test
  void ignoresOtherSchemesAndEmptyTokens() {
    assertNull(BearerAuthenticationMechanism.bearerToken(null));
    assertNull(BearerAuthenticationMechanism.bearerToken("Basic eDp5"));
    assertNull(BearerAuthenticationMechanism.bearerToken("Bearer "));
    assertNull(BearerAuthenticationMechanism.bearerToken("Bearer    "));
  }

  @Test
  void everySpellingOfTheApiPathNeedsAToken() {
    for (var path : new String[] {"/api", "/api/v1/agents", "/API/v1", "//api/v1", "/api;x/v1"}) {
      assertTrue(BearerAuthenticationMechanism.underApi(path), path);
    }
    for (var path : new String[] {"/health/ready", "/openapi", "/apis", "/", ""}) {
      assertFalse(BearerAuthenticationMechanism.underApi(path), path);
    }
  }
}
