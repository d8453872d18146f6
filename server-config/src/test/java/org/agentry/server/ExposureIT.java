package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the built server answers to a caller without a token: Payara Micro's own endpoints, and API
 * paths spelled so that a check on the raw request URI would miss them. Requests are written on a
 * raw socket so that no client normalises the path first.
 */
class ExposureIT {

  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    server = SharedServer.get();
  }

  @Test
  void payaraBuiltInEndpointsAreClosedWithoutAToken() throws Exception {
    var paths =
        List.of(
            "/metrics",
            "/metrics/base",
            "/metrics/vendor",
            "/metrics/application",
            "/asadmin",
            "/asadmin/",
            "/management/domain",
            "/notification",
            "/api/openapi",
            "/api/application.wadl",
            "/openapi-ui/",
            "/jmx",
            "/jolokia",
            // Payara Server's admin console path; Agentry's own console is /console/ (static files)
            "/console/admin",
            "/WEB-INF/web.xml",
            "/META-INF/MANIFEST.MF",
            "/",
            "/index.html");
    for (var path : paths) {
      int status = rawStatus("GET", path);
      assertTrue(status == 401 || status == 403 || status == 404, path + " answered " + status);
    }
  }

  @Test
  void healthStaysPublicButTellsOnlyNamesAndStatuses() throws Exception {
    var api = new Api(server.base());
    for (var path : List.of("/health", "/health/ready", "/health/live", "/health/started")) {
      var reply = api.get(path, null);
      assertEquals(200, reply.status(), path);
      var body = reply.body();
      assertFalse(body.contains("\"data\":{\""), path + " reveals details: " + body);
      for (var word :
          List.of("postgres", "h2", "jdbc", "embedded", "vm://", "tcp://", "127.0.0.1")) {
        assertFalse(body.toLowerCase().contains(word), path + " reveals " + word + ": " + body);
      }
    }
  }

  @Test
  void traceIsNotEchoed() throws Exception {
    int status = rawStatus("TRACE", "/api/v1/agents");
    assertTrue(status == 401 || status == 403 || status == 404 || status == 405, "" + status);
  }

  @Test
  void aLoneNodeListensOnlyOnItsHttpPort() throws Exception {
    var open = new ArrayList<String>();
    for (var socket : listeningSockets(server.pid())) {
      if (!loopback(socket) && !socket.endsWith(String.format(":%04X", server.port))) {
        open.add(socket);
      }
    }
    assertEquals(List.of(), open, "listening beside the HTTP port (hex address:port)");
  }

  /**
   * Whether a {@code /proc/net/tcp[6]} address is a loopback one: IPv4 words are printed in the
   * machine's (little-endian) byte order, so 127.x.x.x ends in {@code 7F}; IPv6 {@code ::1} and
   * IPv4-mapped 127.0.0.1 likewise.
   */
  private static boolean loopback(String socket) {
    var address = socket.substring(0, socket.indexOf(':'));
    return address.length() == 8
        ? address.endsWith("7F")
        : address.equals("00000000000000000000000001000000")
            || address.equals("0000000000000000FFFF00000100007F");
  }

  /**
   * The TCP sockets a process listens on, as {@code /proc/net/tcp} shows them (hex address and
   * port), found through the socket inodes of its file descriptors (Linux only).
   */
  private static List<String> listeningSockets(long pid) throws IOException {
    var inodes = new java.util.HashSet<String>();
    try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (var fd : fds.toList()) {
        try {
          var target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    var sockets = new ArrayList<String>();
    for (var table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      var lines = Files.readAllLines(Path.of(table));
      for (var line : lines.subList(1, lines.size())) {
        var fields = line.trim().split("\\s+");
        if ("0A".equals(fields[3]) && inodes.contains(fields[9])) {
          sockets.add(fields[1]);
        }
      }
    }
    assertTrue(sockets.stream().anyMatch(s -> s.endsWith(String.format(":%04X", server.port))));
    return sockets;
  }

  @Test
  void apiPathsSpelledOtherwiseNeverSucceedWithoutAToken() throws Exception {
    var paths =
        List.of(
            "/%61pi/v1/agents",
            "/%61%70%69/v1/agents",
            "/api%2fv1/agents",
            "/api%2Fv1%2Fagents",
            "/api;x/v1/agents",
            "/api;/v1/agents",
            "/api/v1;x/agents",
            "/api/./v1/agents",
            "/./api/v1/agents",
            "/api/v1/./agents",
            "/api//v1/agents",
            "//api/v1/agents",
            "///api/v1/agents",
            "/API/v1/agents",
            "/Api/v1/agents",
            "/api/v1/../v1/agents",
            "/x/../api/v1/agents",
            "/api/%2e/v1/agents",
            "/%2e/api/v1/agents",
            "/api/v1/agents/",
            "/api/v1/agents;jsessionid=x",
            "/api/v1/agents?x=1",
            "/api/v1/agents%00",
            "/api%00/v1/agents",
            "/api\\v1\\agents",
            "/api/v1/providers",
            "/%61pi/v1/providers",
            "/api;x/v1/api-keys",
            "/%61pi/v1/info",
            "/api/v1/%69nfo",
            "/api/v1/usage/export?format=csv",
            "/%61pi/v1/usage/export?format=csv");
    var failures = new ArrayList<String>();
    for (var path : paths) {
      int status = rawStatus("GET", path);
      if (status >= 200 && status < 300) {
        failures.add(path + " -> " + status);
      }
    }
    assertEquals(List.of(), failures);
  }

  /** The status line of a request sent byte for byte as given, or 400 if the server hung up. */
  private static int rawStatus(String method, String path) throws IOException {
    try (var socket = new Socket("127.0.0.1", server.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      var request =
          method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      var line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      var parts = line.toString().split(" ");
      return parts.length > 1 ? Integer.parseInt(parts[1]) : 400;
    }
  }
}
