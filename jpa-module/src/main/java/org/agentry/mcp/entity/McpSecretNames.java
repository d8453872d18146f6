package org.agentry.mcp.entity;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.agentry.platform.entity.InvalidInputException;

/**
 * Rules for the names of an MCP server's secret headers and environment variables; their values are
 * secrets and only the names are ever shown.
 */
public final class McpSecretNames {

  /** An HTTP field name: a {@code token} of RFC 9110, section 5.1. */
  private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");

  /** A portable environment variable name (POSIX.1-2017, section 8.1). */
  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  /** Headers the HTTP client sets itself (the JDK's {@code HttpClient} refuses them). */
  private static final Set<String> RESERVED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "mcp-session-id");

  private McpSecretNames() {}

  /**
   * @throws InvalidInputException if a name is not a valid, settable header, or a value is missing,
   *     longer than 8192 characters or holds a line break; at most 50 headers
   */
  public static void checkHeaders(Map<String, String> headers) {
    if (headers == null) {
      return;
    }
    InvalidInputException.check(headers.size() <= 50, "'headers' may hold at most 50 headers");
    headers.forEach(
        (name, value) -> {
          InvalidInputException.check(
              name != null
                  && HEADER.matcher(name).matches()
                  && !RESERVED.contains(name.toLowerCase(Locale.ROOT)),
              "'headers' names an invalid or reserved header");
          checkValue("headers", value);
        });
  }

  /**
   * @throws InvalidInputException if a name is not a portable variable name, or a value is missing
   *     or longer than 8192 characters; at most 50 variables
   */
  public static void checkEnv(Map<String, String> env) {
    if (env == null) {
      return;
    }
    InvalidInputException.check(env.size() <= 50, "'env' may hold at most 50 variables");
    env.forEach(
        (name, value) -> {
          InvalidInputException.check(
              name != null && ENV.matcher(name).matches(),
              "'env' names must match " + ENV.pattern());
          checkValue("env", value);
        });
  }

  private static void checkValue(String field, String value) {
    InvalidInputException.check(
        value != null
            && value.length() <= 8192
            && value.indexOf('\n') < 0
            && value.indexOf('\r') < 0
            && value.indexOf('\0') < 0,
        "'" + field + "' values must be strings of at most 8192 characters, without line breaks");
  }
}
