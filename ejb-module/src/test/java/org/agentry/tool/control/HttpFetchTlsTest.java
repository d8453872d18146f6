package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import jakarta.json.Json;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code https} to a pinned address: the connection goes to the checked address (loopback here,
 * allowed by an exact entry) while the certificate is checked against the URL's host name.
 */
class HttpFetchTlsTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir Path dir;
  private HttpsServer server;
  private SSLContext clientTls;
  private int port;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startTlsFixture() throws Exception {
    var store = dir.resolve("fixture.p12");
    var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    var process =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "fixture",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=fixture.test",
                "-ext",
                "SAN=dns:fixture.test",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    process.getInputStream().readAllBytes();
    assertEquals(0, process.waitFor());
    var keys = KeyStore.getInstance("PKCS12");
    try (var in = new FileInputStream(store.toFile())) {
      keys.load(in, PASSWORD);
    }
    var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD);
    var serverTls = SSLContext.getInstance("TLS");
    serverTls.init(keyManagers.getKeyManagers(), null, null);
    var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keys);
    clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, trust.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          var bytes =
              ("host " + exchange.getRequestHeaders().getFirst("Host"))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, bytes.length);
          try (var out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    if (host.equals("fixture.test") || host.equals("other.test")) {
      return new InetAddress[] {InetAddress.getLoopbackAddress()};
    }
    throw new UnknownHostException(host);
  }

  private String fetch(String host) throws ToolException {
    var guard =
        new HttpFetchGuard(List.of(host + ":" + port), List.of(), HttpFetchTlsTest::resolve);
    var tool = new HttpFetchTool(guard, 1024, Duration.ofSeconds(5), clientTls);
    var arguments =
        Json.createObjectBuilder().add("url", "https://" + host + ":" + port + "/").build();
    return tool.execute(new ToolContext("a", null, null, null), arguments);
  }

  @Test
  void httpsToThePinnedAddressChecksTheCertificateAgainstTheHostName() throws Exception {
    var result = fetch("fixture.test");

    assertTrue(result.startsWith("status: 200\n"), result);
    assertTrue(result.endsWith("\n\nhost fixture.test:" + port), result);
  }

  @Test
  void aCertificateForAnotherNameIsRefused() {
    var error = assertThrows(ToolException.class, () -> fetch("other.test"));

    assertTrue(error.getMessage().startsWith("could not fetch other.test"), error.getMessage());
    assertEquals(0, requests.get());
  }
}
