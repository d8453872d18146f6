package org.agentry.mcp.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.agentry.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

/** What an MCP server's settings may be. */
class McpServerSpecTest {

  private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

  @Test
  void stdioNeedsACommandAndHttpAUrl() {
    var stdio = new McpServerSpec(McpTransport.STDIO, List.of("npx", "-y", "srv"), null, null);
    assertEquals(McpServerSpec.DEFAULT_TIMEOUT_SECONDS, stdio.timeoutSeconds());
    var http = new McpServerSpec(McpTransport.HTTP, null, "https://mcp.example.com/mcp", 5);
    assertEquals(5, http.timeoutSeconds());

    refused("'command' is required", McpTransport.STDIO, null, null, null);
    refused("'command' is required", McpTransport.STDIO, List.of(), null, null);
    refused("'command' is required", McpTransport.STDIO, List.of(" "), null, null);
    refused("'url' is for http", McpTransport.STDIO, List.of("x"), "http://h/", null);
    refused("'url' is required", McpTransport.HTTP, null, null, null);
    refused("'url' is required", McpTransport.HTTP, null, "ftp://h/mcp", null);
    refused("'url' is required", McpTransport.HTTP, null, "https://u:p@h/mcp", null);
    refused("'command' is for stdio", McpTransport.HTTP, List.of("x"), "https://h/mcp", null);
    refused("'timeoutSeconds'", McpTransport.HTTP, null, "https://h/mcp", 0);
    refused("'timeoutSeconds'", McpTransport.HTTP, null, "https://h/mcp", 601);
    assertThrows(InvalidInputException.class, () -> McpTransport.of("sse"));
    assertEquals(McpTransport.STDIO, McpTransport.of("stdio"));
  }

  @Test
  void namesFollowTheAgentRuleAndTheCommandRoundTrips() {
    var spec =
        new McpServerSpec(McpTransport.STDIO, List.of("java", "-cp", "a b", "Main"), null, 9);
    var server = new McpServer("fs-1", spec, NOW);
    assertEquals(spec, server.spec());
    for (var bad : new String[] {null, "", "My", "a_b", "-a", "x".repeat(64)}) {
      assertThrows(InvalidInputException.class, () -> new McpServer(bad, spec, NOW), bad);
    }
  }

  @Test
  void secretNamesAreCheckedWithoutEchoingValues() {
    McpSecretNames.checkHeaders(Map.of("Authorization", "Bearer x", "X-Api-Key", "k"));
    McpSecretNames.checkEnv(Map.of("GITHUB_TOKEN", "t", "_X1", ""));
    for (var bad :
        List.of(
            Map.of("Bad Name", "v"),
            Map.of("Host", "v"),
            Map.of("Content-Length", "1"),
            Map.of("X-Key", "line\nbreak-secret"))) {
      var e = assertThrows(InvalidInputException.class, () -> McpSecretNames.checkHeaders(bad));
      assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    }
    assertThrows(InvalidInputException.class, () -> McpSecretNames.checkEnv(Map.of("1X", "v")));
    assertThrows(InvalidInputException.class, () -> McpSecretNames.checkEnv(Map.of("A-B", "v")));
  }

  private static void refused(
      String message, McpTransport transport, List<String> command, String url, Integer timeout) {
    var e =
        assertThrows(
            InvalidInputException.class, () -> new McpServerSpec(transport, command, url, timeout));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
