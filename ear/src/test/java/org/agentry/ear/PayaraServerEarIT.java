package org.agentry.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Black-box smoke test of {@code agentry.ear} on a full Payara Server, set up the way an operator
 * would with {@code asadmin}: the ActiveMQ Classic resource adapter configured for an embedded
 * broker and deployed first, the application's settings as server system properties, then the EAR.
 * It proves that the EAR deploys on Payara Server and becomes ready: {@code GET /health/ready}
 * reports {@code UP} with its {@code database} and {@code broker} checks.
 *
 * <p>Paths come from failsafe's system properties (see {@code ear/pom.xml}).
 */
class PayaraServerEarIT {

  private static final String DOMAIN = "agentry-smoke";
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
  // asadmin deploy returns once the application has started, so readiness only waits for
  // connections to the database and broker; a failing run should not take minutes more.
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private static final Path PAYARA_HOME = EarTestFiles.pathProperty("agentry.it.payaraHome");
  private static final Path EAR = EarTestFiles.pathProperty("agentry.it.ear");
  private static final Path RAR = EarTestFiles.pathProperty("agentry.it.rar");
  private static final Path BROKER_TEMPLATE =
      EarTestFiles.pathProperty("agentry.it.brokerTemplate");
  private static final Path WORK = EarTestFiles.pathProperty("agentry.it.work");
  private static final Path DOMAIN_DIR = PAYARA_HOME.resolve("glassfish/domains/" + DOMAIN);
  private static final Path SERVER_LOG = DOMAIN_DIR.resolve("logs/server.log");

  private static int adminPort;
  private static int httpPort;

  @BeforeAll
  static void deploy() throws Exception {
    removeLeftoverDomain();
    EarTestFiles.deleteRecursively(WORK);
    var dataDir = Files.createDirectories(WORK.resolve("data"));
    var brokerXml = WORK.resolve("broker.xml");
    Files.writeString(
        brokerXml,
        Files.readString(BROKER_TEMPLATE).replace("@DATA_DIR@", dataDir.toString()),
        StandardCharsets.UTF_8);

    // A fresh domain on free ports, so that nothing on 8080/4848 or an earlier run interferes.
    int portBase = freePortBase();
    asadmin("create-domain", "--nopassword", "--portbase", Integer.toString(portBase), DOMAIN);
    adminPort = portBase + 48;
    httpPort = portBase + 80;
    asadmin("start-domain", DOMAIN);

    // The @DataSourceDefinition resolves ${MPCONFIG=agentry.db.url} at deployment, so the
    // settings must be server system properties before the EAR is deployed.
    asadmin(
        "create-system-properties",
        properties(
            Map.of(
                "agentry.data.dir", dataDir.toString(),
                "agentry.db.url",
                    "jdbc:h2:file:"
                        + dataDir.resolve("db/agentry")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
                "agentry.db.user", "agentry",
                "agentry.db.password", "agentry",
                "agentry.broker.url", "vm://localhost?create=false",
                "agentry.dispatch.concurrency", "4")));

    // The resource adapter, configured to start the embedded broker, goes in before the EAR,
    // whose connection factory names it; Payara names a deployed RAR after its file.
    var resourceAdapter = RAR.getFileName().toString().replaceFirst("\\.rar$", "");
    asadmin(
        "create-resource-adapter-config",
        "--property",
        properties(
            Map.of(
                "ServerUrl",
                "vm://localhost?create=false",
                "BrokerXmlConfig",
                "xbean:file:" + brokerXml)),
        resourceAdapter);
    asadmin("deploy", RAR.toString());
    asadmin("deploy", EAR.toString());
  }

  @AfterAll
  static void stopDomain() throws Exception {
    if (Files.isDirectory(DOMAIN_DIR) && !run("stop-domain", DOMAIN).ok()) {
      // A hung server must not outlive the build.
      run("stop-domain", "--kill=true", DOMAIN);
    }
  }

  @Test
  void healthReadyReportsUpWithDatabaseAndBroker() throws Exception {
    var health = awaitReady();

    assertEquals("UP", health.getString("status"), () -> "health: " + health + serverLogTail());
    Set<String> checks =
        health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .map(check -> check.getString("name"))
            .collect(Collectors.toSet());
    assertTrue(
        checks.containsAll(Set.of("database", "broker")),
        () -> "checks: " + checks + serverLogTail());
  }

  /** The EAR's web module serves the console as the launcher does, with its security headers. */
  @Test
  void theConsoleIsServedWithItsSecurityHeaders() throws Exception {
    awaitReady();
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (var path : new String[] {"/console/", "/console/js/app.js"}) {
      var response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
      var csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      var scripts = csp.replaceAll("^.*script-src ([^;]*).*$", "$1");
      assertTrue(csp.contains("script-src 'self'") && !scripts.contains("unsafe"), csp);
      assertEquals(
          "nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertTrue(
          response.body().contains(path.endsWith("/") ? "type=\"module\"" : "import "), path);
    }
  }

  /** Polls the readiness endpoint until it answers 200, which means UP, and returns that answer. */
  private static JsonObject awaitReady() throws InterruptedException {
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/health/ready"))
            .timeout(Duration.ofSeconds(10))
            .build();
    var deadline = Instant.now().plus(READY_TIMEOUT);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        last = "HTTP " + response.statusCode() + ": " + response.body();
        if (response.statusCode() == 200) {
          return Json.createReader(new StringReader(response.body())).readObject();
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(2_000);
    }
    return fail("not ready after " + READY_TIMEOUT + ", last answer " + last + serverLogTail());
  }

  /** Runs asadmin and fails the test, with its output and the server log, if it fails. */
  private static void asadmin(String... arguments) throws Exception {
    var result = run(arguments);
    if (!result.ok()) {
      fail(
          "asadmin "
              + String.join(" ", arguments)
              + " failed:\n"
              + result.output()
              + serverLogTail());
    }
  }

  private record Result(boolean ok, String output) {}

  private static Result run(String... arguments) throws Exception {
    var command = new ArrayList<String>();
    command.add(PAYARA_HOME.resolve("bin/asadmin").toString());
    command.add("--interactive=false");
    if (adminPort > 0) {
      // Remote commands reach the domain's admin server on its non-default port.
      command.addAll(List.of("--port", Integer.toString(adminPort)));
    }
    command.addAll(List.of(arguments));
    var output = Files.createDirectories(WORK).resolve("asadmin.out");
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    // Into a file, not a pipe: start-domain leaves a server process behind that could inherit it.
    builder.redirectOutput(output.toFile());
    // asadmin and the server run on the JDK running this test.
    builder.environment().put("AS_JAVA", System.getProperty("java.home"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    System.out.println("> " + String.join(" ", command));
    var process = builder.start();
    process.getOutputStream().close();
    boolean exited = process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    var text = Files.readString(output);
    System.out.print(text);
    return new Result(exited && process.exitValue() == 0, exited ? text : text + "(timed out)");
  }

  /**
   * An asadmin property list: {@code name=value} pairs joined by {@code :}, with {@code \}, {@code
   * :} and {@code =} in values escaped by a backslash.
   */
  private static String properties(Map<String, String> properties) {
    return properties.entrySet().stream()
        .map(
            property ->
                property.getKey()
                    + "="
                    + property
                        .getValue()
                        .replace("\\", "\\\\")
                        .replace(":", "\\:")
                        .replace("=", "\\="))
        .collect(Collectors.joining(":"));
  }

  /** A port base whose hundred ports are all free; create-domain uses offsets below 100. */
  private static int freePortBase() {
    for (int base = 28000; base < 40000; base += 100) {
      if (allFree(base, base + 100)) {
        return base;
      }
    }
    return fail("no free range of 100 ports between 28000 and 40000");
  }

  private static boolean allFree(int from, int to) {
    for (int port = from; port < to; port++) {
      try (var socket = new ServerSocket(port)) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** An earlier run that was killed may have left its domain behind, perhaps still running. */
  private static void removeLeftoverDomain() throws Exception {
    if (Files.isDirectory(DOMAIN_DIR)) {
      run("stop-domain", "--kill=true", DOMAIN);
      EarTestFiles.deleteRecursively(DOMAIN_DIR);
    }
  }

  private static String serverLogTail() {
    if (!Files.isRegularFile(SERVER_LOG)) {
      return "\n(no " + SERVER_LOG + ")";
    }
    try {
      var lines = Files.readAllLines(SERVER_LOG, StandardCharsets.UTF_8);
      return "\n--- tail of "
          + SERVER_LOG
          + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "\n(cannot read " + SERVER_LOG + ": " + e + ")";
    }
  }
}
