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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Black-box smoke test of {@code agentry.ear} on a fresh WildFly ({@code standalone-full.xml}), set
 * up as README's "The EAR on WildFly" tells an operator: EclipseLink installed as the {@code
 * org.eclipse.persistence} module, {@code src/main/wildfly/configure.cli} applied offline, the
 * application's settings as system properties, the ActiveMQ Classic resource adapter (embedded
 * broker) and the EAR in the deployments folder, PostgreSQL as the database. It proves that the EAR
 * deploys unchanged and works: WildFly's {@code /health/ready} (management port) reports {@code
 * UP}, a task submitted over HTTP completes on a scripted provider, and a task of higher JMS
 * priority overtakes tasks queued before it.
 *
 * <p>The server runs from a base directory of its own under {@code target/wildfly-it} on free ports
 * (a port offset), and is stopped, with every process it started, after the tests.
 */
@EnabledIfSystemProperty(named = "agentry.tests.full", matches = "true")
class WildFlyEarIT {

  private static final String JSON = "application/json";
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
  // Boot and deployment took 30 s on a quiet machine, 137 and 146 s on two cores at load 20.
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
  private static final Duration TASK_TIMEOUT = Duration.ofSeconds(60);
  private static final String RAR_NAME = "activemq-rar-6.1.8.rar";

  private static final Path HOME = EarTestFiles.pathProperty("agentry.it.wildflyHome");
  private static final Path SETUP = EarTestFiles.pathProperty("agentry.it.wildflySetup");
  private static final Path ECLIPSELINK = EarTestFiles.pathProperty("agentry.it.eclipselink");
  private static final Path EAR = EarTestFiles.pathProperty("agentry.it.ear");
  private static final Path RAR = EarTestFiles.pathProperty("agentry.it.rar");
  private static final Path BROKER_TEMPLATE =
      EarTestFiles.pathProperty("agentry.it.brokerTemplate");
  private static final Path WORK = EarTestFiles.pathProperty("agentry.it.wildflyWork");
  private static final Path BASE = WORK.resolve("server");
  private static final Path SERVER_OUT = WORK.resolve("server.out");
  private static final Path PID_FILE = WORK.resolve("server.pid");

  private static final String ADMIN = "wf-" + UUID.randomUUID();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Process server;
  private static int offset;

  @BeforeAll
  static void startWildFly() throws Exception {
    stopLeftoverServer();
    EarTestFiles.deleteRecursively(WORK);
    var dataDir = Files.createDirectories(WORK.resolve("data"));
    var brokerXml = WORK.resolve("broker.xml");
    Files.writeString(
        brokerXml,
        Files.readString(BROKER_TEMPLATE).replace("@DATA_DIR@", dataDir.toString()),
        StandardCharsets.UTF_8);

    installEclipseLink();
    // A server base directory of our own: a fresh standalone-full.xml on every run.
    copyRecursively(HOME.resolve("standalone/configuration"), BASE.resolve("configuration"));
    var deployments = Files.createDirectories(BASE.resolve("deployments"));
    run(
        List.of(
            HOME.resolve("bin/jboss-cli.sh").toString(),
            "-Djboss.server.base.dir=" + BASE,
            "--file=" + SETUP.resolve("configure.cli")),
        WORK.resolve("configure.out"));

    // The resource adapter under its own file name, which the CLI script and the EAR refer to.
    Files.copy(RAR, deployments.resolve(RAR_NAME));
    Files.copy(EAR, deployments.resolve("agentry.ear"));

    offset = freePortOffset();
    var command = new ArrayList<String>();
    command.add(HOME.resolve("bin/standalone.sh").toString());
    command.addAll(
        List.of(
            "-c",
            "standalone-full.xml",
            "-Djboss.server.base.dir=" + BASE,
            "-Djboss.socket.binding.port-offset=" + offset,
            "-Dagentry.data.dir=" + dataDir,
            "-Dagentry.db.url=" + System.getProperty("agentry.it.wildflyDbUrl"),
            "-Dagentry.db.user=" + System.getProperty("agentry.it.db.user", "postgres"),
            "-Dagentry.db.password=" + System.getProperty("agentry.it.db.password", ""),
            // prefetch 1, as the launcher sets it for one consumer: a consumer holding a backlog
            // of low-priority messages would run them before a later high-priority one
            "-Dagentry.broker.url=vm://localhost?create=false&jms.prefetchPolicy.queuePrefetch=1",
            "-Dagentry.broker.xml-config=xbean:file:" + brokerXml,
            "-Dagentry.admin.token=" + ADMIN,
            // one consumer, so that the start order of queued tasks is the queue's order
            "-Dagentry.dispatch.concurrency=1"));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(SERVER_OUT.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JBOSS_PIDFILE", PID_FILE.toString());
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
    System.out.println("> " + String.join(" ", command));
    server = builder.start();
    server.getOutputStream().close();
  }

  @AfterAll
  static void stopWildFly() throws Exception {
    if (server == null) {
      return;
    }
    var processes = new ArrayList<ProcessHandle>();
    server.descendants().forEach(processes::add);
    processes.add(server.toHandle());
    processes.forEach(ProcessHandle::destroy);
    for (var process : processes) {
      try {
        process.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // A hung server must not outlive the build.
        process.destroyForcibly();
      }
    }
  }

  @Test
  void healthReadyIsUpWithTheEarDeployed() throws Exception {
    var health = awaitReady();

    assertEquals("UP", health.getString("status"), () -> "health: " + health + serverOutTail());
    var deployments =
        health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(check -> check.getString("name").equals("deployments-status"))
            .findFirst()
            .orElseThrow()
            .getJsonObject("data");
    assertEquals("OK", deployments.getString("agentry.ear"), deployments::toString);
    assertEquals("OK", deployments.getString(RAR_NAME), deployments::toString);
  }

  @Test
  void aTaskSubmittedOverHttpCompletesOnAScriptedProvider() throws Exception {
    awaitReady();
    var agent = scriptedAgent("smoke", "{\"text\":\"hello from WildFly\"}");

    var submitted = post("/api/v1/agents/" + agent + "/tasks", "{\"input\":\"hi\"}");
    assertEquals(202, submitted.statusCode(), submitted::body);
    var task = awaitFinished(json(submitted).getString("taskId"));

    assertEquals("completed", task.getString("status"), task::toString);
    assertEquals("hello from WildFly", task.getString("output"), task::toString);
    assertTrue(task.getJsonObject("usage").getInt("iterations") >= 1, task::toString);
  }

  @Test
  void aHigherPriorityTaskOvertakesTasksQueuedBeforeIt() throws Exception {
    awaitReady();
    // each run takes 1.5 s on the one consumer, so the tasks below wait in the broker's queue
    var agent = scriptedAgent("priority", "{\"text\":\"done\",\"delayMs\":1500}");
    var blocker = submit(agent, 5);
    awaitStatus(blocker, "running");
    var low = new ArrayList<String>();
    for (int i = 0; i < 4; i++) {
      low.add(submit(agent, 1));
    }
    var high = submit(agent, 9);

    var highStart = Instant.parse(awaitFinished(high).getString("startedAt"));
    long overtaken = 0;
    for (var id : low) {
      var task = awaitFinished(id);
      assertEquals("completed", task.getString("status"), task::toString);
      if (Instant.parse(task.getString("startedAt")).isAfter(highStart)) {
        overtaken++;
      }
    }
    // the consumer may hold one message it took before the high one arrived
    assertTrue(overtaken >= 3, "the priority 9 task started after " + (4 - overtaken) + " of 4");
  }

  private static String submit(String agent, int priority) throws Exception {
    var submitted =
        post(
            "/api/v1/agents/" + agent + "/tasks",
            "{\"input\":\"p" + priority + "\",\"priority\":" + priority + "}");
    assertEquals(202, submitted.statusCode(), submitted::body);
    return json(submitted).getString("taskId");
  }

  private static void awaitStatus(String taskId, String status) throws Exception {
    var deadline = Instant.now().plus(TASK_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      var response = HTTP.send(request("/api/v1/tasks/" + taskId).build(), body());
      if (json(response).getString("status").equals(status)) {
        return;
      }
      Thread.sleep(100);
    }
    fail("task " + taskId + " never " + status + serverOutTail());
  }

  /** Creates a scripted provider playing one turn (JSON) and an agent on it; returns its name. */
  private static String scriptedAgent(String prefix, String turn) throws Exception {
    var name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    var provider =
        post(
            "/api/v1/providers",
            "{\"name\":\"" + name + "\",\"kind\":\"scripted\",\"scriptedTurns\":[" + turn + "]}");
    assertEquals(201, provider.statusCode(), provider::body);
    var agent =
        post(
            "/api/v1/agents",
            "{\"name\":\""
                + name
                + "\",\"systemPrompt\":\"You help.\",\"provider\":\""
                + name
                + "\",\"model\":\"scripted\"}");
    assertEquals(201, agent.statusCode(), agent::body);
    return name;
  }

  private static JsonObject awaitFinished(String taskId) throws Exception {
    var deadline = Instant.now().plus(TASK_TIMEOUT);
    JsonObject task = null;
    while (Instant.now().isBefore(deadline)) {
      var response = HTTP.send(request("/api/v1/tasks/" + taskId).build(), body());
      assertEquals(200, response.statusCode(), response::body);
      task = json(response);
      if (!List.of("queued", "running").contains(task.getString("status"))) {
        return task;
      }
      Thread.sleep(500);
    }
    return fail("task not finished after " + TASK_TIMEOUT + ": " + task + serverOutTail());
  }

  /** Polls WildFly's readiness endpoint until it answers 200 (UP), and returns that answer. */
  private static JsonObject awaitReady() throws InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + (9990 + offset) + "/health/ready"))
            .timeout(Duration.ofSeconds(10))
            .build();
    var deadline = Instant.now().plus(READY_TIMEOUT);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        return fail("WildFly exited with " + server.exitValue() + serverOutTail());
      }
      try {
        var response = HTTP.send(request, body());
        last = "HTTP " + response.statusCode() + ": " + response.body();
        if (response.statusCode() == 200) {
          return json(response);
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(2_000);
    }
    return fail("not ready after " + READY_TIMEOUT + ", last answer " + last + serverOutTail());
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(
        request(path)
            .header("Content-Type", JSON)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        body());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + (8080 + offset) + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + ADMIN);
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /**
   * WildFly ships the {@code org.eclipse.persistence} module with its integration jar only; the
   * project's module, in the root modules folder (which wins over the system layer), adds
   * EclipseLink.
   */
  private static void installEclipseLink() throws IOException {
    var module = HOME.resolve("modules/org/eclipse/persistence/main");
    Files.createDirectories(module);
    Files.copy(
        SETUP.resolve("modules/org/eclipse/persistence/main/module.xml"),
        module.resolve("module.xml"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(ECLIPSELINK, module.resolve("eclipselink.jar"), StandardCopyOption.REPLACE_EXISTING);
    try (Stream<Path> files =
        Files.list(HOME.resolve("modules/system/layers/base/org/eclipse/persistence/main"))) {
      var integration =
          files
              .filter(file -> file.getFileName().toString().startsWith("jipijapa-eclipselink"))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("no jipijapa-eclipselink jar in WildFly"));
      Files.copy(
          integration,
          module.resolve("jipijapa-eclipselink.jar"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Runs a command to its end and fails the test, with its output, if it fails. */
  private static void run(List<String> command, Path output) throws Exception {
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(output.toFile());
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
    if (!exited || process.exitValue() != 0) {
      fail(String.join(" ", command) + " failed:\n" + text);
    }
  }

  /** A port offset at which WildFly's standalone-full ports are all free. */
  private static int freePortOffset() {
    int[] ports = {8080, 8443, 9990, 9993, 8009, 4712, 4713, 3528, 3529};
    for (int candidate = 21000; candidate < 55000; candidate += 100) {
      int base = candidate;
      if (java.util.Arrays.stream(ports).allMatch(port -> free(port + base))) {
        return base;
      }
    }
    return fail("no port offset with free ports between 21000 and 55000");
  }

  private static boolean free(int port) {
    try (var socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** An earlier run that was killed may have left its server running. */
  private static void stopLeftoverServer() throws IOException {
    if (!Files.isRegularFile(PID_FILE)) {
      return;
    }
    var pid = Long.parseLong(Files.readString(PID_FILE).trim());
    ProcessHandle.of(pid)
        .filter(process -> process.info().commandLine().orElse("").contains(BASE.toString()))
        .ifPresent(
            process -> {
              process.destroyForcibly();
              process.onExit().join();
            });
  }

  private static String serverOutTail() {
    try {
      var lines = Files.readAllLines(SERVER_OUT, StandardCharsets.UTF_8);
      return "\n--- tail of "
          + SERVER_OUT
          + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "\n(cannot read " + SERVER_OUT + ": " + e + ")";
    }
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (var path : paths.toList()) {
        var target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
