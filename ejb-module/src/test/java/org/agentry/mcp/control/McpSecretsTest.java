package org.agentry.mcp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.agentry.mcp.entity.McpServer;
import org.agentry.mcp.entity.McpServerSpec;
import org.agentry.mcp.entity.McpTransport;
import org.agentry.security.control.SecretCipher;
import org.agentry.security.control.SecretKeys;
import org.junit.jupiter.api.Test;

/** Header and env values are sealed at rest, open only for their server, and never printed. */
class McpSecretsTest {

  private static final String TOKEN = "Bearer sk-very-secret-123";

  private final McpSecrets secrets =
      new McpSecrets(
          SecretKeys.fixed(
              new SecretCipher(
                  SecretCipher.decodeKey(SecretCipher.generateKey(), "test"), List.of())));

  @Test
  void headersAreSealedAndOpenForTheirServerOnly() {
    var server = server("github");
    var sealed = secrets.seal("github", "headers", Map.of("Authorization", TOKEN));
    assertFalse(sealed.contains("sk-very-secret"), sealed);
    server.sealHeaders(List.of("Authorization"), sealed);
    assertEquals(Map.of("Authorization", TOKEN), secrets.headers(server));
    assertEquals(List.of("Authorization"), server.headerNames());

    var other = server("other");
    other.sealHeaders(List.of("Authorization"), sealed);
    var refused = assertThrows(IllegalArgumentException.class, () -> secrets.headers(other));
    assertFalse(refused.getMessage().contains("sk-very-secret"));

    var asEnv = server("github");
    asEnv.sealEnv(List.of("Authorization"), sealed);
    assertThrows(IllegalArgumentException.class, () -> secrets.env(asEnv));
  }

  @Test
  void emptyMapsAreNotStoredAndNullKeepsWhatIsThere() {
    assertNull(secrets.seal("s", "env", Map.of()));
    var server = server("s");
    server.sealHeaders(List.of("X-Key"), secrets.seal("s", "headers", Map.of("X-Key", "v")));
    server.sealHeaders(null, null);
    assertEquals(Map.of("X-Key", "v"), secrets.headers(server));
    server.sealHeaders(List.of(), null);
    assertEquals(Map.of(), secrets.headers(server));
    assertTrue(server.headerNames().isEmpty());
  }

  @Test
  void aTargetNeverPrintsItsSecrets() {
    var target =
        new McpTarget(
            "github",
            3,
            new McpServerSpec(McpTransport.HTTP, null, "https://mcp.example.com/mcp", null),
            Map.of("Authorization", TOKEN),
            Map.of("GITHUB_TOKEN", "ghp-secret"));
    assertFalse(target.toString().contains("secret"), target.toString());
    assertTrue(target.toString().contains("github"));
  }

  private static McpServer server(String name) {
    return new McpServer(
        name,
        new McpServerSpec(McpTransport.HTTP, null, "https://mcp.example.com/mcp", null),
        Instant.parse("2026-12-02T00:00:00Z"));
  }
}
