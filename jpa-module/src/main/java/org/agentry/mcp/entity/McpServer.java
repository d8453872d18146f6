package org.agentry.mcp.entity;

import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Jsons;
import org.agentry.platform.entity.Names;

/**
 * A registered MCP server, named like an agent ({@code [a-z0-9][a-z0-9-]{0,62}}, so that the names
 * its tools get, {@code mcp_<server>_<tool>}, split at the first {@code _} after the prefix). Its
 * headers and environment are secrets: each map arrives sealed (encrypted) as one text, and this
 * entity keeps their names in clear only to show which are set.
 */
@Entity
@Table(name = "mcp_server")
@NamedQuery(name = McpServer.FIND_ALL, query = "SELECT s FROM McpServer s ORDER BY s.name")
public class McpServer {

  public static final String FIND_ALL = "McpServer.findAll";

  @Id
  @Column(length = 63)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private McpTransport transport;

  /** The stdio command as a JSON array of strings. */
  @Column private String command;

  @Column(length = 2048)
  private String url;

  @Column(name = "header_names", nullable = false)
  private String headerNames = "";

  @Column private String headers;

  @Column(name = "env_names", nullable = false)
  private String envNames = "";

  @Column private String env;

  @Column(name = "timeout_seconds", nullable = false)
  private int timeoutSeconds;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected McpServer() {}

  /**
   * A new server without secrets; {@link #seal} sets them.
   *
   * @throws InvalidInputException if the name breaks the naming rule
   */
  public McpServer(String name, McpServerSpec spec, Instant now) {
    InvalidInputException.check(
        name != null && Names.VALID.matcher(name).matches(), "'name' must match " + Names.PATTERN);
    this.name = name;
    this.createdAt = Objects.requireNonNull(now);
    reconfigure(spec, now);
  }

  /** Replaces where the server is; its secrets stay unless {@link #seal} replaces them. */
  public void reconfigure(McpServerSpec spec, Instant now) {
    Objects.requireNonNull(spec);
    this.transport = spec.transport();
    this.command =
        spec.command() == null ? null : Jsons.createArrayBuilder(spec.command()).build().toString();
    this.url = spec.url();
    this.timeoutSeconds = spec.timeoutSeconds();
    this.updatedAt = Objects.requireNonNull(now);
  }

  /**
   * Sets the sealed headers and their names; null names leave the stored ones alone.
   *
   * @param names the header names in clear, or null to keep the stored headers
   * @param sealed the sealed JSON object of names and values, or null when there are none
   */
  public void sealHeaders(Collection<String> names, String sealed) {
    if (names != null) {
      this.headerNames = String.join(",", names);
      this.headers = names.isEmpty() ? null : sealed;
    }
  }

  /** As {@link #sealHeaders}, for the environment of a stdio server. */
  public void sealEnv(Collection<String> names, String sealed) {
    if (names != null) {
      this.envNames = String.join(",", names);
      this.env = names.isEmpty() ? null : sealed;
    }
  }

  /** Where the server is, as given. */
  public McpServerSpec spec() {
    return new McpServerSpec(transport, commandList(), url, timeoutSeconds);
  }

  private List<String> commandList() {
    if (command == null) {
      return null;
    }
    try (var reader = Jsons.createReader(command)) {
      return reader.readArray().getValuesAs(JsonString.class).stream()
          .map(JsonString::getString)
          .toList();
    }
  }

  public String getName() {
    return name;
  }

  public McpTransport getTransport() {
    return transport;
  }

  /** The names of the headers set, sorted; never their values. */
  public List<String> headerNames() {
    return split(headerNames);
  }

  /** The names of the environment variables set, sorted; never their values. */
  public List<String> envNames() {
    return split(envNames);
  }

  /** The sealed headers (a JSON object), or null. */
  public String sealedHeaders() {
    return headers;
  }

  /** The sealed environment (a JSON object), or null. */
  public String sealedEnv() {
    return env;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }

  private static List<String> split(String names) {
    return names == null || names.isEmpty() ? List.of() : Arrays.asList(names.split(","));
  }
}
