package org.agentry.security.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/**
 * The cookies of the browser sign-in: all {@code SameSite=Lax}, {@code Secure} when the request
 * came over TLS, and {@code HttpOnly} except the CSRF cookie, which the console's script must read
 * to echo it in a header.
 */
final class Cookies {

  /** The session token; path {@code /}. */
  static final String SESSION = "agentry_session";

  /** The CSRF token of the session (double-submit); path {@code /}. */
  static final String CSRF = "agentry_csrf";

  /** The state of a sign-in in progress; path {@code /auth}, ten minutes. */
  static final String SIGN_IN = "agentry_signin";

  private Cookies() {}

  /** The value of the request's cookie of this name, or null. */
  static String value(HttpServletRequest request, String name) {
    var cookies = request.getCookies();
    if (cookies != null) {
      for (var cookie : cookies) {
        if (cookie.getName().equals(name) && !cookie.getValue().isEmpty()) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  /**
   * Sets a cookie.
   *
   * @param maxAge how long the browser keeps it; null for a session cookie, zero to delete it
   */
  static void set(
      HttpServletRequest request,
      HttpServletResponse response,
      String name,
      String value,
      String path,
      Duration maxAge,
      boolean httpOnly) {
    var cookie = new Cookie(name, value);
    cookie.setPath(path);
    cookie.setHttpOnly(httpOnly);
    cookie.setSecure(request.isSecure());
    cookie.setAttribute("SameSite", "Lax");
    if (maxAge != null) {
      cookie.setMaxAge((int) maxAge.toSeconds());
    }
    response.addCookie(cookie);
  }
}
