package org.agentry.security.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
