package org.agentry.mcp.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.agentry.platform.entity.InvalidInputException;

/**
 * Where an MCP server is, without its secrets.
 *
 * @param transport stdio or http
 * @param command for stdio, the program and its arguments (argv, 1 to 100 entries, no shell); null
 *     for http
 * @param url for http, the {@code http}/{@code https} URL of the server's MCP endpoint; null for
 *     stdio
 * @param timeoutSeconds the longest wait for one request to the server (a tool call, the tool
 *     list), 1 to 600; null for the default, 60
 * @throws InvalidInputException naming the field that breaks a rule
 */
public record McpServerSpec(
    McpTransport transport, List<String> command, String url, Integer timeoutSeconds) {

  /** The default request timeout, in seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 60;

  public McpServerSpec {
    InvalidInputException.check(transport != null, "'transport' must be 'stdio' or 'http'");
    if (transport == McpTransport.STDIO) {
      InvalidInputException.check(
          command != null
              && !command.isEmpty()
              && command.size() <= 100
              && command.stream().allMatch(a -> a != null && a.length() <= 4096)
              && !command.get(0).isBlank(),
          "'command' is required for stdio: the program and its arguments, 1 to 100 strings");
      InvalidInputException.check(url == null, "'url' is for http servers only");
      command = List.copyOf(command);
    } else {
      InvalidInputException.check(command == null, "'command' is for stdio servers only");
      checkUrl(url);
    }
    InvalidInputException.check(
        timeoutSeconds == null || (timeoutSeconds >= 1 && timeoutSeconds <= 600),
        "'timeoutSeconds' must be 1 to 600");
    timeoutSeconds = Objects.requireNonNullElse(timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
  }

  private static void checkUrl(String url) {
    var ok = false;
    if (url != null && url.length() <= 2048) {
      try {
        var uri = new URI(url);
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        ok =
            (scheme.equals("http") || scheme.equals("https"))
                && uri.getHost() != null
                && uri.getUserInfo() == null;
      } catch (URISyntaxException e) {
        ok = false;
      }
    }
    InvalidInputException.check(
        ok,
        "'url' is required for http: an http or https URL of at most 2048 characters, without"
            + " user:password (put credentials in 'headers')");
  }
}
