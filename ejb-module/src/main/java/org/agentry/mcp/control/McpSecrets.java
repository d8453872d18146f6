package org.agentry.mcp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Map;
import java.util.TreeMap;
import org.agentry.mcp.entity.McpServer;
import org.agentry.platform.entity.Jsons;
import org.agentry.security.control.SecretKeys;
import org.agentry.security.control.SecretUnreadableException;

/**
 * An MCP server's headers and environment at rest: each map sealed as one JSON object with the
 * secret key ({@link SecretKeys}, AES-256-GCM as for provider API keys), for the server's name and
 * the map's kind ({@code mcp:<name>:headers}, {@code mcp:<name>:env}), so that a sealed map copied
 * to another row or field does not open.
 */
@ApplicationScoped
public class McpSecrets {

  @Inject SecretKeys secretKeys;

  /** For CDI. */
  public McpSecrets() {}

  /** Sealing with the given keys. */
  public McpSecrets(SecretKeys secretKeys) {
    this.secretKeys = secretKeys;
  }

  /** The map sealed for storage, or null when it is null or empty. */
  public String seal(String server, String kind, Map<String, String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    var json = Jsons.createObjectBuilder();
    new TreeMap<>(values).forEach(json::add);
    return secretKeys.cipher().seal(json.build().toString(), context(server, kind));
  }

  /** The server's headers in clear; empty if it has none. */
  public Map<String, String> headers(McpServer server) {
    return open(server.getName(), "headers", server.sealedHeaders());
  }

  /** The server's environment in clear; empty if it has none. */
  public Map<String, String> env(McpServer server) {
    return open(server.getName(), "env", server.sealedEnv());
  }

  /**
   * @throws IllegalArgumentException if the stored map cannot be opened (its key is not configured
   *     or it was altered); the message names neither the values nor the key
   */
  private Map<String, String> open(String server, String kind, String sealed) {
    if (sealed == null) {
      return Map.of();
    }
    try (var reader = Jsons.createReader(secretKeys.cipher().open(sealed, context(server, kind)))) {
      var values = new TreeMap<String, String>();
      reader.readObject().forEach((k, v) -> values.put(k, ((JsonString) v).getString()));
      return values;
    } catch (SecretUnreadableException e) {
      throw new IllegalArgumentException(
          "the stored " + kind + " of MCP server '" + server + "' cannot be read; set them again",
          e);
    }
  }

  /** The associated data a server's map is sealed with. */
  static String context(String server, String kind) {
    return "mcp:" + server + ":" + kind;
  }
}
