package org.agentry.server;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * A small MCP server over stdio for McpIT, built with the MCP Java SDK: {@code echo {text}} answers
 * {@code echo: <text>}, {@code pid {}} its process id (so that the test can kill it and see a new
 * one after the reconnect), {@code env {name}} whether a variable is set. It exits when its parent
 * (the Agentry server) is gone.
 */
public final class McpFixtureServer {

  private McpFixtureServer() {}

  public static void main(String[] args) throws InterruptedException {
    // stdout carries the protocol only: anything a library prints goes to stderr
    var protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
    System.setOut(System.err);
    var mapper = McpJsonDefaults.getMapper();
    var transport = new StdioServerTransportProvider(mapper, System.in, protocol);
    McpServer.sync(transport)
        .serverInfo("agentry-fixture", "1")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
        .tools(
            tool(
                "echo",
                "Echoes the text",
                Map.of("text", Map.of("type", "string")),
                a -> "echo: " + a.get("text")),
            tool("pid", "This process's id", Map.of(), a -> Long.toString(pid())),
            tool(
                "env",
                "Whether an environment variable is set",
                Map.of("name", Map.of("type", "string")),
                a -> System.getenv((String) a.get("name")) == null ? "unset" : "set"))
        .build();
    var parent = ProcessHandle.current().parent();
    while (parent.map(ProcessHandle::isAlive).orElse(false)) {
      Thread.sleep(1000);
    }
    System.exit(0);
  }

  private static long pid() {
    return ProcessHandle.current().pid();
  }

  private static SyncToolSpecification tool(
      String name,
      String description,
      Map<String, Object> properties,
      java.util.function.Function<Map<String, Object>, String> body) {
    return SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(Map.of("type", "object", "properties", properties))
                .build())
        .callHandler(
            (exchange, request) ->
                McpSchema.CallToolResult.builder()
                    .content(List.of(new McpSchema.TextContent(body.apply(request.arguments()))))
                    .build())
        .build();
  }
}
