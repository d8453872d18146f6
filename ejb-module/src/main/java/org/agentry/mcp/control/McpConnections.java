package org.agentry.mcp.control;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's MCP sessions, one per server, made on first use and kept. A session made for an older
 * version of the server's settings is closed and made anew. When a request fails for any reason
 * other than an error answer from the server (the process died, the connection dropped, no answer
 * within the server's {@code timeoutSeconds}), the session is closed, a new one is made and the
 * request is sent once more; a second failure is the caller's.
 */
@ApplicationScoped
public class McpConnections {

  private static final Logger LOG = Logger.getLogger(McpConnections.class.getName());

  @Inject
  @ConfigProperty(name = "agentry.mcp.connect-timeout-seconds", defaultValue = "20")
  int connectTimeoutSeconds;

  private final Map<String, McpConnection> open = new ConcurrentHashMap<>();

  /**
   * The server's tools (every page of {@code tools/list}), as listed when the session began or as
   * the server last announced them.
   *
   * @throws McpError when the server answers with an error
   * @throws RuntimeException when it cannot be reached twice in a row
   */
  public List<McpSchema.Tool> tools(McpTarget target) {
    return withRetry(target, McpConnection::tools);
  }

  /**
   * Calls a tool ({@code tools/call}).
   *
   * @param tool the tool's name as the server gives it
   * @param arguments its arguments (JSON values as maps, lists, strings, numbers, booleans)
   * @throws McpError when the server answers with an error (an unknown tool, say)
   * @throws RuntimeException when it cannot be reached twice in a row
   */
  public McpSchema.CallToolResult call(
      McpTarget target, String tool, Map<String, Object> arguments) {
    return withRetry(target, connection -> connection.call(tool, arguments));
  }

  /** Closes the server's session, if there is one (its settings changed, or it was deleted). */
  public void close(String server) {
    var connection = open.remove(server);
    if (connection != null) {
      connection.close();
    }
  }

  private <T> T withRetry(McpTarget target, Function<McpConnection, T> request) {
    var connection = connection(target);
    try {
      return request.apply(connection);
    } catch (McpError answered) {
      throw answered;
    } catch (RuntimeException failed) {
      LOG.info(
          () ->
              "MCP server "
                  + target.name()
                  + ": request failed ("
                  + failed.getClass().getSimpleName()
                  + "); reconnecting once");
      discard(target.name(), connection);
      return request.apply(connection(target));
    }
  }

  private McpConnection connection(McpTarget target) {
    return open.compute(
        target.name(),
        (name, held) -> {
          if (held != null && held.version() == target.version()) {
            return held;
          }
          if (held != null) {
            held.close();
          }
          return McpConnection.open(
              target,
              Duration.ofSeconds(connectTimeoutSeconds),
              org.agentry.platform.boundary.SystemInfo.version());
        });
  }

  private void discard(String name, McpConnection connection) {
    if (open.remove(name, connection)) {
      connection.close();
    }
  }

  /** A failure's kind in a few words, without messages that might quote what was sent. */
  public static String reason(Throwable e) {
    var root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root instanceof java.util.concurrent.TimeoutException
            || root.getClass().getSimpleName().contains("Timeout")
        ? "no answer in time"
        : root.getClass().getSimpleName();
  }

  @PreDestroy
  void closeAll() {
    open.keySet().forEach(this::close);
  }
}
