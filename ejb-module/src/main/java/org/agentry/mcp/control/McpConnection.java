package org.agentry.mcp.control;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
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
 * One initialized MCP session with a server (the SDK's synchronous client), and the server's tool
 * list as last listed or announced ({@code notifications/tools/list_changed}).
 */
final class McpConnection implements AutoCloseable {

  /** The variables of the server's own environment a stdio server gets; nothing else is passed. */
  static final List<String> PASSED_ENV = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR");

  private final long version;
  private final McpSyncClient client;
  private volatile List<McpSchema.Tool> tools;

  private McpConnection(long version, McpSyncClient client) {
    this.version = version;
    this.client = client;
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
    var client =
        McpClient.sync(transport(target, connectTimeout))
            .requestTimeout(Duration.ofSeconds(target.spec().timeoutSeconds()))
            .initializationTimeout(connectTimeout)
            .clientInfo(new McpSchema.Implementation("agentry", clientVersion))
            .toolsChangeConsumer(
                tools -> {
                  if (holder[0] != null) {
                    holder[0].tools = List.copyOf(tools);
                  }
                })
            .build();
    var connection = new McpConnection(target.version(), client);
    holder[0] = connection;
    try {
      client.initialize();
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
    return connection;
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
        var page = client.listTools(cursor);
        all.addAll(page.tools());
        cursor = page.nextCursor();
      } while (cursor != null && all.size() < 10_000);
      known = List.copyOf(all);
      tools = known;
    }
    return known;
  }

  McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
  }

  @Override
  public void close() {
    try {
      client.closeGracefully();
    } catch (RuntimeException e) {
      client.close();
    }
  }
}
