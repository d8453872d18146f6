package org.agentry.mcp.control;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agentry.mcp.entity.McpTransport;

/**
 * One initialized MCP session with a server (the SDK's client), and the server's tool list as last
 * listed or announced ({@code notifications/tools/list_changed}). Starting and {@code initialize}
 * may take up to the connect timeout (a stdio server may be a JVM or {@code npx} starting); every
 * later request waits at most the server's {@code timeoutSeconds}.
 */
final class McpConnection implements AutoCloseable {

  /** The variables of the server's own environment a stdio server gets; nothing else is passed. */
  static final List<String> PASSED_ENV = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR");

  private final long version;
  private final McpAsyncClient client;
  private final Duration timeout;
  private volatile List<McpSchema.Tool> tools;

  private McpConnection(long version, McpAsyncClient client, Duration timeout) {
    this.version = version;
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * Starts (stdio) or opens (http) a session and initializes it.
   *
   * @param connectTimeout the longest wait for the server's answer to {@code initialize}
   * @throws RuntimeException (from the SDK) when the server cannot be reached or started, or does
   *     not answer in time
   */
  static McpConnection open(McpTarget target, Duration connectTimeout, String clientVersion) {
    var holder = new McpConnection[1];
    var timeout = Duration.ofSeconds(target.spec().timeoutSeconds());
    var client =
        McpClient.async(transport(target, connectTimeout))
            // the session's own guard; each request below waits for its own deadline
            .requestTimeout(timeout.compareTo(connectTimeout) > 0 ? timeout : connectTimeout)
            .initializationTimeout(connectTimeout)
            .clientInfo(new McpSchema.Implementation("agentry", clientVersion))
            .toolsChangeConsumer(
                tools ->
                    reactor.core.publisher.Mono.fromRunnable(
                        () -> {
                          if (holder[0] != null) {
                            holder[0].tools = List.copyOf(tools);
                          }
                        }))
            .build();
    var connection = new McpConnection(target.version(), client, timeout);
    holder[0] = connection;
    try {
      await(client.initialize(), connectTimeout);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /**
   * The request's answer, waiting at most {@code timeout}.
   *
   * @throws McpTimeoutException when none came in time (the request is cancelled)
   */
  private static <T> T await(reactor.core.publisher.Mono<T> request, Duration timeout) {
    var future = request.toFuture();
    try {
      return future.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      future.cancel(true);
      throw new McpTimeoutException(e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** No answer came in time. */
  static final class McpTimeoutException extends RuntimeException {
    McpTimeoutException(java.util.concurrent.TimeoutException cause) {
      super("no answer in time", cause, false, false);
    }
  }

  private static McpClientTransport transport(McpTarget target, Duration connectTimeout) {
    var spec = target.spec();
    var mapper = McpJsonDefaults.getMapper();
    if (spec.transport() == McpTransport.STDIO) {
      var env = new TreeMap<String, String>();
      PASSED_ENV.forEach(
          name -> {
            var value = System.getenv(name);
            if (value != null) {
              env.put(name, value);
            }
          });
      env.putAll(target.env());
      var parameters =
          ServerParameters.builder(spec.command().get(0))
              .args(spec.command().subList(1, spec.command().size()))
              .env(env)
              .build();
      return new ScrubbedStdioTransport(parameters, mapper);
    }
    var url = java.net.URI.create(spec.url());
    var base = url.getScheme() + "://" + url.getRawAuthority();
    var endpoint = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      endpoint += "?" + url.getRawQuery();
    }
    Map<String, String> headers = target.headers();
    return HttpClientStreamableHttpTransport.builder(base)
        .endpoint(endpoint)
        .jsonMapper(mapper)
        .connectTimeout(connectTimeout)
        .httpRequestCustomizer(
            (request, method, uri, body, context) -> headers.forEach(request::setHeader))
        .build();
  }

  /**
   * A stdio transport whose child gets only {@link #PASSED_ENV} and the server's own {@code env}.
   */
  private static final class ScrubbedStdioTransport extends StdioClientTransport {

    ScrubbedStdioTransport(
        ServerParameters parameters, io.modelcontextprotocol.json.McpJsonMapper mapper) {
      super(parameters, mapper);
      setStdErrorHandler(line -> {}); // a server's diagnostics may hold anything: not logged
    }

    @Override
    protected ProcessBuilder getProcessBuilder() {
      var builder = new ProcessBuilder();
      builder.environment().clear();
      return builder;
    }
  }

  long version() {
    return version;
  }

  /**
   * The server's tools, listed on first use (every page) and kept until the server announces a
   * change.
   */
  List<McpSchema.Tool> tools() {
    var known = tools;
    if (known == null) {
      var all = new java.util.ArrayList<McpSchema.Tool>();
      String cursor = null;
      do {
        var page = await(client.listTools(cursor), timeout);
        all.addAll(page.tools());
        cursor = page.nextCursor();
      } while (cursor != null && all.size() < 10_000);
      known = List.copyOf(all);
      tools = known;
    }
    return known;
  }

  McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
    return await(client.callTool(new McpSchema.CallToolRequest(tool, arguments)), timeout);
  }

  @Override
  public void close() {
    try {
      client.closeGracefully().block(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      client.close();
    }
  }
}
