package org.agentry.security.http;

/**
 * Where a sign-in may send the browser back to: only a path on this server, so that {@code
 * /auth/login?return=} cannot be used as an open redirect.
 */
final class ReturnPaths {

  static final String DEFAULT = "/";
  private static final int MAX_LENGTH = 2000;

  private ReturnPaths() {}

  /**
   * The path itself when it is a local absolute path ({@code /console/x?y}), else {@value
   * #DEFAULT}. Refused: absent or blank, not starting with {@code /}, starting with {@code //}
   * (scheme-relative, another host), any backslash (some browsers read it as {@code /}), control
   * characters or whitespace, and paths over {@value #MAX_LENGTH} characters.
   */
  static String safe(String path) {
    if (path == null
        || path.isEmpty()
        || path.length() > MAX_LENGTH
        || path.charAt(0) != '/'
        || path.startsWith("//")
        || path.indexOf('\\') >= 0
        || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      return DEFAULT;
    }
    return path;
  }
}
