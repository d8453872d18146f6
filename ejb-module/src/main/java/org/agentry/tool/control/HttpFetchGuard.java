package org.agentry.tool.control;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether {@code http_fetch} may fetch a URL, and to which IP address it then connects: the
 * server-side request forgery (SSRF) guard. Checks, in order: the scheme ({@code http} or {@code
 * https}, any case); no user info; a host without an IPv6 zone id; the deny-list; the allow-list
 * (when not empty, the host must match one of its entries); the names {@code localhost}, {@code
 * *.localhost} (RFC 6761) and the cloud metadata names; then it resolves the host once and refuses
 * it when any of its addresses is internal ({@link InternalAddresses}). The caller connects to the
 * returned address only, so a second DNS answer (DNS rebinding) cannot move the connection.
 *
 * <p>A list entry is a host ({@code example.com}), a host and port ({@code 127.0.0.1:8081}) or a
 * wildcard for the subdomains of a host ({@code *.example.com}). Only an allow-list entry that
 * names the host exactly (not a wildcard) lets it through to an internal address — the way to reach
 * an internal service on purpose.
 */
public final class HttpFetchGuard {

  /** Resolves a host name to its addresses, like {@link InetAddress#getAllByName}. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * A URL the guard let through.
   *
   * @param uri the URL with the host normalised (lower case, no trailing dot, an IP address in its
   *     standard form) and without user info or fragment
   * @param host the host as sent in {@code Host} and SNI
   * @param port the port
   * @param address the checked address to connect to
   */
  public record Target(URI uri, String host, int port, InetAddress address) {}

  private static final List<String> METADATA_NAMES =
      List.of("metadata.google.internal", "metadata", "instance-data", "metadata.azure.com");

  private final List<String> allow;
  private final List<String> deny;
  private final List<String> agentAllow;
  private final Resolver resolver;

  /**
   * @param allow allow-list entries (empty: any public host)
   * @param deny deny-list entries
   * @param resolver how host names are resolved
   */
  public HttpFetchGuard(List<String> allow, List<String> deny, Resolver resolver) {
    this(allow, deny, List.of(), resolver);
  }

  private HttpFetchGuard(
      List<String> allow, List<String> deny, List<String> agentAllow, Resolver resolver) {
    this.allow = allow.stream().map(HttpFetchGuard::normalEntry).toList();
    this.deny = deny.stream().map(HttpFetchGuard::normalEntry).toList();
    this.agentAllow = agentAllow.stream().map(HttpFetchGuard::normalEntry).toList();
    this.resolver = resolver;
  }

  /**
   * This guard narrowed by one agent's lists: its deny-list is added to this one's; its allow-list,
   * when not empty, must match the host as well as this one's does. An internal host still needs an
   * exact entry in this (the server's) allow-list, and then one in the agent's allow-list too when
   * the agent has one: the server is the ceiling.
   *
   * @param agentAllow the agent's {@code toolSettings.http_fetch.allow} (empty: no narrowing)
   * @param agentDeny the agent's {@code toolSettings.http_fetch.deny}
   */
  public HttpFetchGuard forAgent(List<String> agentAllow, List<String> agentDeny) {
    var denied = new java.util.ArrayList<>(deny);
    denied.addAll(agentDeny);
    var allowed = new java.util.ArrayList<>(this.agentAllow);
    allowed.addAll(agentAllow);
    return new HttpFetchGuard(allow, denied, allowed, resolver);
  }

  /**
   * The target of the URL, checked.
   *
   * @param url an absolute {@code http} or {@code https} URL
   * @throws ToolException saying why the URL is refused
   */
  public Target check(String url) throws ToolException {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new ToolException("refused: not a valid URL");
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ToolException("refused: only http and https URLs are fetched");
    }
    if (uri.getRawUserInfo() != null || uri.getRawAuthority() == null) {
      throw new ToolException("refused: the URL must have a host and no user info");
    }
    var host = hostOf(uri);
    int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
    var address = checkHost(host, port);
    host = isLiteral(host) ? address.getHostAddress() : host;
    var authority = host.contains(":") ? "[" + host + "]" : host;
    var portPart = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    var query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    try {
      return new Target(
          new URI(scheme + "://" + authority + portPart + path + query), host, port, address);
    } catch (URISyntaxException e) {
      throw new ToolException("refused: not a valid URL");
    }
  }

  private InetAddress checkHost(String host, int port) throws ToolException {
    if (matchesAny(deny, host, port, true)) {
      throw new ToolException("refused: " + host + " is on the deny-list");
    }
    if (!allow.isEmpty() && !matchesAny(allow, host, port, true)) {
      throw new ToolException("refused: " + host + " is not on the allow-list");
    }
    if (!agentAllow.isEmpty() && !matchesAny(agentAllow, host, port, true)) {
      throw new ToolException("refused: " + host + " is not on the agent's allow-list");
    }
    boolean exactlyAllowed =
        matchesAny(allow, host, port, false)
            && (agentAllow.isEmpty() || matchesAny(agentAllow, host, port, false));
    if (!exactlyAllowed
        && (host.equals("localhost")
            || host.endsWith(".localhost")
            || METADATA_NAMES.contains(host))) {
      throw new ToolException("refused: " + host + " is an internal name");
    }
    var addresses = resolve(host);
    for (var address : addresses) {
      if (deniedAddress(address, port)) {
        throw new ToolException("refused: " + host + " resolves to an address on the deny-list");
      }
      var why = exactlyAllowed ? null : InternalAddresses.refusal(address);
      if (why != null) {
        throw new ToolException("refused: " + host + " is an internal address (" + why + ")");
      }
    }
    return addresses[0];
  }

  private InetAddress[] resolve(String host) throws ToolException {
    try {
      var literal = literal(host);
      var addresses = literal != null ? new InetAddress[] {literal} : resolver.resolve(host);
      if (addresses != null && addresses.length > 0) {
        return addresses;
      }
    } catch (UnknownHostException e) {
      // refused below
    }
    throw new ToolException("refused: " + host + " cannot be resolved");
  }

  /** Whether a deny-list entry written as an IP address names this one (in any spelling). */
  private boolean deniedAddress(InetAddress address, int port) {
    for (var entry : deny) {
      try {
        var name = portless(entry, port);
        var literal = name == null ? null : literal(name);
        if (address.equals(literal)) {
          return true;
        }
      } catch (UnknownHostException e) {
        // a name, not an address
      }
    }
    return false;
  }

  /** The host in lower case, without brackets or a trailing dot; refuses zone ids. */
  private static String hostOf(URI uri) throws ToolException {
    var host = uri.getHost();
    if (host == null) {
      throw new ToolException("refused: the URL must have a valid host");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.contains("%")) {
      throw new ToolException("refused: IPv6 zone ids are not allowed");
    }
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty()) {
      throw new ToolException("refused: the URL must have a valid host");
    }
    return host;
  }

  private static boolean isLiteral(String host) {
    try {
      return literal(host) != null;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The address a literal host stands for, or null when the host is a name. */
  private static InetAddress literal(String host) throws UnknownHostException {
    if (host.contains(":")) {
      return InetAddress.getByName("[" + host + "]");
    }
    return InternalAddresses.parseIpv4Literal(host);
  }

  private static boolean matchesAny(List<String> entries, String host, int port, boolean wild) {
    for (var entry : entries) {
      if (matches(entry, host, port, wild)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String entry, String host, int port, boolean wild) {
    var name = portless(entry, port);
    if (name == null) {
      return false;
    }
    if (name.startsWith("*.")) {
      return wild && host.endsWith(name.substring(1));
    }
    return name.equals(host);
  }

  /**
   * The entry's host without brackets, when the entry has no port or this port; else null. An IPv6
   * address is an entry only in brackets when it has a port ({@code [::1]:8080}).
   */
  private static String portless(String entry, int port) {
    var name = entry;
    int colon = entry.lastIndexOf(':');
    boolean bracketed = entry.startsWith("[") && entry.lastIndexOf(']') < colon;
    if (colon > 0 && (entry.indexOf(':') == colon || bracketed)) {
      name = entry.substring(0, colon);
      if (!entry.substring(colon + 1).equals(Integer.toString(port))) {
        return null;
      }
    }
    return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
  }

  private static String normalEntry(String entry) {
    var normal = entry.strip().toLowerCase(Locale.ROOT);
    return normal.endsWith(".") ? normal.substring(0, normal.length() - 1) : normal;
  }
}
