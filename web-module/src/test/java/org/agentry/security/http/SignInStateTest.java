package org.agentry.security.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.agentry.security.control.SignInFlow;
import org.junit.jupiter.api.Test;

class SignInStateTest {

  @Test
  void theCookieCarriesTheSecretsAndTheReturnPath() {
    var started = new SignInFlow.Started(null, "st", "no", "ver");
    var decoded = SignInState.decode(SignInState.encode(started, "/console/?a=b"));
    assertEquals("st", decoded.started().state());
    assertEquals("no", decoded.started().nonce());
    assertEquals("ver", decoded.started().codeVerifier());
    assertEquals("/console/?a=b", decoded.returnPath());
  }

  @Test
  void aTamperedReturnPathIsCheckedAgain() {
    var started = new SignInFlow.Started(null, "st", "no", "ver");
    assertEquals(
        "/", SignInState.decode(SignInState.encode(started, "//evil.example")).returnPath());
  }

  @Test
  void anUnreadableCookieIsNoSignIn() {
    assertNull(SignInState.decode(null));
    assertNull(SignInState.decode("%%%"));
    assertNull(SignInState.decode("YWJj"));
  }
}
