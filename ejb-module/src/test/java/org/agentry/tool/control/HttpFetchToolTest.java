package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetchToolTest {

  private static final String PAGE =
      "<html><head><title>Fixture</title><style>body{color:red}</style></head><body>"
          + "<script>var secret = 'script text';</script><h1>Hello</h1><p>first <b>para</b></p>"
          + "<ul><li>one</li><li>two</li></ul></body></html>";

  private HttpServer server;
  private int port;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger secretRequests = new AtomicInteger();
  private final AtomicInteger redirects = new AtomicInteger();

  @BeforeEach
  void startFixture() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stopFixture() {
    server.stop(0);
  }

  private void serve(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    var path = exchange.getRequestURI().getPath();
    var query = exchange.getRequestURI().getRawQuery();
    if (path.equals("/redirect")) {
      redirects.incrementAndGet();
      var to = URLDecoder.decode(query.substring("to=".length()), StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Location", to);
      exchange.sendResponseHeaders(302, -1);
    } else if (path.equals("/loop")) {
      exchange.getResponseHeaders().add("Location", "/loop");
      exchange.sendResponseHeaders(301, -1);
    } else if (path.equals("/echo")) {
      var body = exchange.getRequestBody().readAllBytes();
      var host = exchange.getRequestHeaders().getFirst("Host");
      reply(
          exchange,
          "text/plain; charset=utf-8",
          exchange.getRequestMethod()
              + " "
              + host
              + " "
              + new String(body, StandardCharsets.UTF_8));
    } else if (path.equals("/big")) {
      reply(exchange, "text/plain", "x".repeat(5000));
    } else {
      if (path.equals("/secret")) {
        secretRequests.incrementAndGet();
      }
      reply(exchange, "text/html; charset=utf-8", PAGE);
    }
  }

  private static void reply(HttpExchange exchange, String type, String text) throws IOException {
    var bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(200, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A DNS that knows a few names, some of them rebinding to internal addresses. */
  private static InetAddress[] resolve(String host) throws UnknownHostException {
    var names =
        Map.of(
            "ten.rebind.example", List.of("10.0.0.1"),
            "meta.rebind.example", List.of("169.254.169.254"),
            "loop6.rebind.example", List.of("::1"),
            "mapped.rebind.example", List.of("::ffff:127.0.0.1"),
            "mixed.rebind.example", List.of("93.184.216.34", "127.0.0.1"),
            "internal.example", List.of("127.0.0.1"),
            "cgnat.rebind.example", List.of("100.100.100.200"),
            "ula.rebind.example", List.of("fd00:ec2::254"),
            "public.example", List.of("93.184.216.34"));
    var addresses = names.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    var result = new InetAddress[addresses.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = InetAddress.getByName(addresses.get(i));
    }
    return result;
  }

  private HttpFetchTool tool(List<String> allow, List<String> deny) {
    return new HttpFetchTool(
        new HttpFetchGuard(allow, deny, HttpFetchToolTest::resolve), 1024, Duration.ofSeconds(5));
  }

  private static String fetch(HttpFetchTool tool, String url) throws ToolException {
    return tool.execute(
        new ToolContext("a", null, null, null), Json.createObjectBuilder().add("url", url).build());
  }

  @Test
  void refusesEverySsrfPayloadAndTheFixtureSeesNoRequest() {
    var payloads = payloads(port);
    assertTrue(payloads.size() >= 200, "only " + payloads.size() + " payloads");
    var tool = tool(List.of(), List.of());
    for (var payload : payloads) {
      var refused = assertThrows(ToolException.class, () -> fetch(tool, payload), payload);
      assertTrue(
          refused.getMessage().startsWith("refused: "), payload + ": " + refused.getMessage());
    }
    assertEquals(0, requests.get());
  }

  @Test
  void redirectsToInternalAddressesAreCheckedAgainAndRefused() {
    var tool = tool(List.of("127.0.0.1:" + port, "*.example"), List.of());
    var targets =
        List.of(
            "http://localhost:" + port + "/secret",
            "http://[::1]:" + port + "/secret",
            "http://2130706433:" + port + "/secret",
            "http://0x7f.1:" + port + "/secret",
            "http://[::ffff:127.0.0.1]:" + port + "/secret",
            "http://internal.example:" + port + "/secret",
            "http://ten.rebind.example:" + port + "/secret",
            "http://meta.rebind.example/latest/meta-data/",
            "http://169.254.169.254/latest/meta-data/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://127.0.0.1:" + (port == 65535 ? 1 : port + 1) + "/secret",
            "file:///etc/passwd",
            "gopher://127.0.0.1:" + port + "/_secret");
    for (var target : targets) {
      var url =
          "http://127.0.0.1:"
              + port
              + "/redirect?to="
              + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8);
      var refused = assertThrows(ToolException.class, () -> fetch(tool, url), target);
      assertTrue(
          refused.getMessage().startsWith("refused: "), target + ": " + refused.getMessage());
    }
    assertEquals(targets.size(), redirects.get());
    assertEquals(0, secretRequests.get());
  }

  @Test
  void followsAtMostFiveRedirects() {
    var tool = tool(List.of("127.0.0.1:" + port), List.of());
    var error =
        assertThrows(ToolException.class, () -> fetch(tool, "http://127.0.0.1:" + port + "/loop"));
    assertEquals("too many redirects (more than 5)", error.getMessage());
    assertEquals(6, requests.get());
  }

  @Test
  void anAllowedPageIsFetchedAndItsHtmlTurnedIntoText() throws Exception {
    var tool = tool(List.of("127.0.0.1:" + port), List.of());
    var url = "http://127.0.0.1:" + port + "/redirect?to=%2Fpage";

    var result = fetch(tool, url);

    assertTrue(result.startsWith("status: 200\ncontentType: text/html; charset=utf-8\n"), result);
    assertTrue(result.contains("url: http://127.0.0.1:" + port + "/page\n"), result);
    assertTrue(result.endsWith("# Fixture\n\nHello\nfirst para\none\ntwo"), result);
    assertFalse(result.contains("script text") || result.contains("color:red"), result);
    assertEquals(2, requests.get());
  }

  @Test
  void postsABodyAndCutsALongBody() throws Exception {
    var tool = tool(List.of("127.0.0.1:" + port), List.of());
    var post =
        Json.createObjectBuilder()
            .add("url", "http://127.0.0.1:" + port + "/echo")
            .add("method", "post")
            .add("body", "{\"q\":1}")
            .build();

    var echoed = tool.execute(new ToolContext("a", null, null, null), post);
    var big = fetch(tool, "http://127.0.0.1:" + port + "/big");

    assertTrue(echoed.endsWith("\n\nPOST 127.0.0.1:" + port + " {\"q\":1}"), echoed);
    assertTrue(big.contains("[body cut at 1024 bytes]\n\n" + "x".repeat(1024)), big);
    assertFalse(big.contains("x".repeat(1025)), big);
  }

  @Test
  void theDenyListWinsOverTheAllowList() {
    var tool = tool(List.of("127.0.0.1:" + port), List.of("127.0.0.1"));
    var error =
        assertThrows(ToolException.class, () -> fetch(tool, "http://127.0.0.1:" + port + "/"));
    assertEquals("refused: 127.0.0.1 is on the deny-list", error.getMessage());
    assertEquals(0, requests.get());
  }

  @Test
  void aDenyListAddressIsRefusedInAnySpellingAndUnderAnyName() {
    var tool = tool(List.of(), List.of("93.184.216.34", "[2606:4700::1111]:8080"));
    for (var url :
        List.of(
            "http://1572395042/",
            "http://public.example/",
            "http://[::ffff:93.184.216.34]/",
            "http://[2606:4700:0:0::1111]:8080/")) {
      var error = assertThrows(ToolException.class, () -> fetch(tool, url), url);
      assertTrue(error.getMessage().contains("deny-list"), url + ": " + error.getMessage());
    }
  }

  @Test
  void publicHostsPassTheGuardPinnedToTheCheckedAddress() throws Exception {
    var guard = new HttpFetchGuard(List.of(), List.of(), HttpFetchToolTest::resolve);

    var named = guard.check("HtTpS://Public.Example./a/b?c=1#frag");
    var literal = guard.check("http://[2606:4700::1111]:8080");
    var decimal = guard.check("http://134744072/");

    assertEquals("https://public.example/a/b?c=1", named.uri().toString());
    assertEquals("public.example", named.host());
    assertEquals(443, named.port());
    assertEquals(InetAddress.getByName("93.184.216.34"), named.address());
    assertEquals("http://[2606:4700:0:0:0:0:0:1111]:8080/", literal.uri().toString());
    assertEquals("http://8.8.8.8/", decimal.uri().toString());
    assertEquals(InetAddress.getByName("8.8.8.8"), decimal.address());
  }

  /** At least 200 URLs that all aim at internal addresses, most at the fixture's own port. */
  static List<String> payloads(int port) {
    var list = new ArrayList<String>();
    var schemes = List.of("http", "HTTP", "HtTp", "https", "hTTpS");
    var internal =
        List.of(
            "127.0.0.1",
            "127.255.255.254",
            "0.0.0.0",
            "10.0.0.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "169.254.0.1",
            "100.64.0.1",
            "100.127.255.255",
            "255.255.255.255",
            "224.0.0.1",
            "198.18.0.1",
            "192.0.0.1");
    int i = 0;
    for (var dotted : internal) {
      for (var host : encodings(dotted)) {
        list.add(schemes.get(i++ % schemes.size()) + "://" + host + ":" + port + "/secret");
      }
    }
    var p = ":" + port;
    list.addAll(
        List.of(
            "http://0" + p + "/",
            "http://0x7f.1" + p + "/",
            "http://0177.0.0.1" + p + "/",
            "http://0177.1" + p + "/",
            "http://017700000001" + p + "/",
            "http://0x7f000001" + p + "/",
            "http://127.000.000.001" + p + "/",
            "http://127.1" + p + "/",
            "http://127.0.1" + p + "/",
            "http://127.0.0.1." + p + "/",
            "http://127.0.0.1.." + p + "/",
            "http://[::]" + p + "/",
            "http://[::1]" + p + "/",
            "http://[0:0:0:0:0:0:0:1]" + p + "/",
            "http://[0000::0001]" + p + "/",
            "http://[::ffff:127.0.0.1]" + p + "/",
            "http://[::ffff:7f00:1]" + p + "/",
            "http://[::FFFF:7F00:0001]" + p + "/",
            "http://[::ffff:a9fe:a9fe]/",
            "http://[::1%25lo]" + p + "/",
            "http://[fe80::1%25eth0]" + p + "/",
            "http://[fe80::1]" + p + "/",
            "http://[febf::1]" + p + "/",
            "http://[fc00::1]" + p + "/",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://[fd12:3456:789a::1]" + p + "/",
            "http://[ff02::1]" + p + "/",
            "http://[fec0::1]" + p + "/",
            "http://[2001::1]" + p + "/",
            "http://localhost" + p + "/",
            "http://LOCALHOST" + p + "/",
            "http://localhost." + p + "/",
            "http://foo.localhost" + p + "/",
            "http://a.b.LocalHost." + p + "/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://METADATA.google.internal./computeMetadata/v1/",
            "http://metadata/computeMetadata/v1/",
            "http://169.254.169.254/latest/meta-data/iam/",
            "http://ten.rebind.example" + p + "/",
            "http://meta.rebind.example/latest/meta-data/",
            "http://loop6.rebind.example" + p + "/",
            "http://mapped.rebind.example" + p + "/",
            "http://mixed.rebind.example" + p + "/",
            "http://internal.example" + p + "/",
            "http://cgnat.rebind.example" + p + "/",
            "http://ula.rebind.example/",
            "http://unknown.example" + p + "/",
            "http://good.com@127.0.0.1" + p + "/",
            "http://good.com:80@127.0.0.1" + p + "/",
            "http://127.0.0.1" + p + "#@good.com",
            "http://127.0.0.1" + p + "\\@good.com/",
            "http://user:pass@public.example/",
            "http://%31%32%37.0.0.1" + p + "/",
            " http://127.0.0.1" + p + "/ ",
            "file:///etc/passwd",
            "FILE:///etc/passwd",
            "ftp://127.0.0.1" + p + "/",
            "gopher://127.0.0.1" + p + "/_GET%20/",
            "dict://127.0.0.1" + p + "/info",
            "jar:http://127.0.0.1" + p + "/x.jar!/",
            "ldap://127.0.0.1" + p + "/",
            "javascript:alert(1)",
            "data:text/plain,hello",
            "//127.0.0.1" + p + "/",
            "http:/127.0.0.1" + p + "/",
            "http:127.0.0.1" + p,
            "http://" + p + "/",
            "http:///secret",
            "",
            "not a url"));
    return list;
  }

  /** The ways of writing one IPv4 address that resolvers, curl or browsers accept. */
  private static List<String> encodings(String dotted) {
    var parts = dotted.split("\\.");
    int a = Integer.parseInt(parts[0]);
    int b = Integer.parseInt(parts[1]);
    int c = Integer.parseInt(parts[2]);
    int d = Integer.parseInt(parts[3]);
    long value = ((long) a << 24) | (b << 16) | (c << 8) | d;
    return List.of(
        dotted,
        dotted + ".",
        Long.toString(value),
        "0x" + Long.toHexString(value),
        String.format("0%o.0%o.0%o.0%o", a, b, c, d),
        String.format("0x%x.0x%x.0x%x.0x%x", a, b, c, d),
        a + "." + b + "." + ((c << 8) | d),
        a + "." + ((b << 16) | (c << 8) | d),
        String.format("0x%x.%d.0%o.%d", a, b, c, d),
        "[::ffff:" + dotted + "]",
        String.format("[::ffff:%x:%x]", (a << 8) | b, (c << 8) | d),
        "[0:0:0:0:0:ffff:" + dotted + "]",
        "[::" + dotted + "]",
        "[64:ff9b::" + dotted + "]",
        String.format("[2002:%x:%x::1]", (a << 8) | b, (c << 8) | d));
  }
}
