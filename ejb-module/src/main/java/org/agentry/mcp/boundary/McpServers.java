package org.agentry.mcp.boundary;

import io.modelcontextprotocol.spec.McpError;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.agentry.audit.control.AuditLog;
import org.agentry.mcp.control.McpConnections;
import org.agentry.mcp.control.McpSecrets;
import org.agentry.mcp.control.McpTarget;
import org.agentry.mcp.control.McpToolNames;
import org.agentry.mcp.entity.McpSecretNames;
import org.agentry.mcp.entity.McpServer;
import org.agentry.mcp.entity.McpServerSpec;
import org.agentry.mcp.entity.McpTransport;
import org.agentry.platform.boundary.StaleVersionException;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;

/**
 * The MCP servers agents may use as tool sources. Headers (http) and environment variables (stdio)
 * are secrets: sealed before they are stored ({@link McpSecrets}), never returned. A change or a
 * deletion closes this node's session with the server; other nodes notice the new version at their
 * next use.
 */
@Stateless
public class McpServers {

  @PersistenceContext EntityManager em;

  @Inject AuditLog audit;
  @Inject McpSecrets secrets;
  @Inject McpConnections connections;
  @Inject Clock clock;

  /** Every server, by name. */
  public List<McpServer> list() {
    return em.createNamedQuery(McpServer.FIND_ALL, McpServer.class).getResultList();
  }

  /**
   * The named server.
   *
   * @throws UnknownResourceException {@code MCP_SERVER_NOT_FOUND}
   */
  public McpServer get(String name) {
    var server = name == null ? null : em.find(McpServer.class, name);
    if (server == null) {
      throw new UnknownResourceException("MCP server", name);
    }
    return server;
  }

  /** Whether a server of this name is registered. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean exists(String name) {
    return name != null && em.find(McpServer.class, name) != null;
  }

  /**
   * Registers a server.
   *
   * @param headers HTTP headers to send (http only), or null
   * @param env environment variables to start it with (stdio only), or null
   * @throws InvalidInputException if the name, settings, header or variable names break a rule
   * @throws StateConflictException {@code MCP_SERVER_EXISTS} if the name is taken
   */
  public McpServer create(
      String name, McpServerSpec spec, Map<String, String> headers, Map<String, String> env) {
    audit.record("mcp-server.create", "mcp-server", name);
    checkSecrets(spec, headers, env);
    var server = new McpServer(name, spec, clock.instant());
    if (em.find(McpServer.class, name) != null) {
      throw new StateConflictException(
          "MCP_SERVER_EXISTS", "An MCP server '" + name + "' exists already.");
    }
    seal(server, headers, env);
    em.persist(server);
    em.flush();
    return server;
  }

  /**
   * Replaces a server's settings; headers or env left null stay as they are, an empty map removes
   * them (and those of the other transport are dropped).
   *
   * @param expectedVersion the version the caller read (its ETag), or null for any
   * @throws UnknownResourceException {@code MCP_SERVER_NOT_FOUND}
   * @throws StaleVersionException if it changed since
   * @throws InvalidInputException if a setting breaks a rule
   */
  public McpServer replace(
      String name,
      Long expectedVersion,
      McpServerSpec spec,
      Map<String, String> headers,
      Map<String, String> env) {
    audit.record("mcp-server.update", "mcp-server", name);
    checkSecrets(spec, headers, env);
    var server = get(name);
    if (expectedVersion != null && server.getVersion() != expectedVersion) {
      throw new StaleVersionException("MCP server", name);
    }
    server.reconfigure(spec, clock.instant());
    seal(server, headers, env);
    em.flush();
    connections.close(name);
    return server;
  }

  /**
   * Removes a server; agents listing it get a tool error when their model calls one of its tools.
   *
   * @throws UnknownResourceException {@code MCP_SERVER_NOT_FOUND}
   */
  public void delete(String name) {
    audit.record("mcp-server.delete", "mcp-server", name);
    em.remove(get(name));
    connections.close(name);
  }

  /**
   * What it takes to connect to the server, its secrets opened; for this node's own use only.
   *
   * @throws UnknownResourceException {@code MCP_SERVER_NOT_FOUND}
   * @throws IllegalArgumentException if its secrets cannot be opened
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public McpTarget target(String name) {
    var server = get(name);
    return new McpTarget(
        name, server.getVersion(), server.spec(), secrets.headers(server), secrets.env(server));
  }

  /**
   * The server's tools, asked of the server (or as this node's session last heard them).
   *
   * @throws UnknownResourceException {@code MCP_SERVER_NOT_FOUND}
   * @throws McpUnreachableException if the server cannot be started, reached or does not answer
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<McpToolInfo> tools(String name) {
    var target = target(name);
    try {
      return connections.tools(target).stream()
          .map(
              t ->
                  new McpToolInfo(
                      t.name(),
                      McpToolNames.modelName(name, t.name()),
                      t.description(),
                      t.inputSchema()))
          .toList();
    } catch (McpError e) {
      throw new McpUnreachableException(name, "it answered tools/list with an error");
    } catch (IllegalArgumentException e) {
      throw new McpUnreachableException(name, e.getMessage());
    } catch (RuntimeException e) {
      throw new McpUnreachableException(
          name, "no session could be made (" + McpConnections.reason(e) + ")");
    }
  }

  private static void checkSecrets(
      McpServerSpec spec, Map<String, String> headers, Map<String, String> env) {
    McpSecretNames.checkHeaders(headers);
    McpSecretNames.checkEnv(env);
    var stdio = spec.transport() == McpTransport.STDIO;
    InvalidInputException.check(
        !stdio || headers == null || headers.isEmpty(), "'headers' are for http servers only");
    InvalidInputException.check(
        stdio || env == null || env.isEmpty(), "'env' is for stdio servers only");
  }

  private void seal(McpServer server, Map<String, String> headers, Map<String, String> env) {
    var name = server.getName();
    var stdio = server.getTransport() == McpTransport.STDIO;
    var headerNames = stdio ? List.<String>of() : names(headers);
    var envNames = stdio ? names(env) : List.<String>of();
    server.sealHeaders(headerNames, stdio ? null : secrets.seal(name, "headers", headers));
    server.sealEnv(envNames, stdio ? secrets.seal(name, "env", env) : null);
  }

  private static List<String> names(Map<String, String> values) {
    return values == null ? null : List.copyOf(new TreeSet<>(values.keySet()));
  }
}
