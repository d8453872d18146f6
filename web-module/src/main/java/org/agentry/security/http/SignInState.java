package org.agentry.security.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.agentry.security.control.SignInFlow;

/**
 * A sign-in in progress, kept in the browser's {@code agentry_signin} cookie (HttpOnly, path {@code
 * /auth}, ten minutes) between {@code /auth/login} and {@code /auth/callback}, so that any node can
 * finish it: the {@code state}, {@code nonce}, PKCE verifier and return path. The state binds the
 * callback to the browser that began the sign-in.
 *
 * @param started the flow's secrets; its authorization URI is not kept
 * @param returnPath a path {@link ReturnPaths#safe} accepted
 */
record SignInState(SignInFlow.Started started, String returnPath) {

  static String encode(SignInFlow.Started started, String returnPath) {
    var joined =
        String.join("\n", started.state(), started.nonce(), started.codeVerifier(), returnPath);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(joined.getBytes(StandardCharsets.UTF_8));
  }

  /** The sign-in in a cookie's value, or null when absent or unreadable. */
  static SignInState decode(String cookie) {
    if (cookie == null) {
      return null;
    }
    try {
      var parts =
          new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.UTF_8).split("\n", 4);
      if (parts.length != 4) {
        return null;
      }
      return new SignInState(
          new SignInFlow.Started(null, parts[0], parts[1], parts[2]), ReturnPaths.safe(parts[3]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
