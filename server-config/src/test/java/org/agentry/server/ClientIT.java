package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.agentry.client.AgentryClient;
import org.agentry.client.AgentryException;
import org.agentry.client.model.AgentRequest;
import org.agentry.client.model.Budget;
import org.agentry.client.model.ProviderRequest;
import org.agentry.client.model.ScheduleRequest;
import org.agentry.client.model.Task;
import org.agentry.client.model.TaskEvent;
import org.agentry.client.model.TaskQuery;
import org.agentry.client.model.TaskRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The typed Java client ({@code client} module) and the packaged CLI against the shared server: a
 * full flow from provider to usage over the client, its event stream, paging and typed problems,
 * and {@code java -jar agentry-cli.jar} submitting and waiting.
 */
class ClientIT {

  /** A tool call, then a final answer: 30 prompt and 5 completion tokens in two model calls. */
  private static final String TURNS =
      "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}],\"promptTokens\":10,"
          + "\"completionTokens\":2},{\"text\":\"all done\",\"promptTokens\":20,"
          + "\"completionTokens\":3}]";

  private static AgentryClient admin;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    base = SharedServer.get().base();
    admin = AgentryClient.builder().baseUrl(base).token(SharedServer.ADMIN).build();
  }

  @AfterAll
  static void close() {
    admin.close();
  }

  @Test
  void providerAgentTaskEventsAndUsage() {
    var agent = scriptedAgent();
    var from = Instant.now().minusSeconds(5);

    var accepted =
        admin.tasks().submit(agent, TaskRequest.of("check the time").withPriority("high"));
    var streamed = new ArrayList<TaskEvent>();
    var task = admin.tasks().await(accepted.taskId(), streamed::add);

    assertEquals("completed", task.status());
    assertEquals("all done", task.output());
    assertEquals(7, task.priority());
    assertEquals(2, task.usage().iterations());
    assertEquals(30, task.usage().promptTokens());
    assertEquals(5, task.usage().completionTokens());
    var types = streamed.stream().map(TaskEvent::type).toList();
    assertTrue(
        types.containsAll(List.of("status", "model.request", "model.response", "tool.start")),
        types.toString());
    assertEquals("completed", streamed.get(streamed.size() - 1).status());
    var stored = admin.tasks().events(task.taskId(), 0, null);
    var storedIds = stored.stream().map(TaskEvent::id).toList();
    assertEquals(
        storedIds.subList(0, streamed.size()), streamed.stream().map(TaskEvent::id).toList());
    assertEquals(agent, stored.get(0).agent());
    assertNotNull(stored.get(0).createdAt());

    var report = admin.usage().report(from, null);
    var mine = report.byAgent().stream().filter(g -> g.key().equals(agent)).findFirst();
    assertEquals(2, mine.orElseThrow().totals().requests());
    assertEquals(35, mine.orElseThrow().totals().totalTokens());
    assertTrue(mine.orElseThrow().totals().costUsd().compareTo(BigDecimal.ZERO) > 0);
    var csv = admin.usage().csv(from, null);
    assertTrue(csv.startsWith("id,createdAt,"), csv);
    assertEquals(2, csv.lines().filter(l -> l.contains(task.taskId())).count());
  }

  @Test
  void agentsUpdateWithTheirVersionAndPagingReadsEveryPage() {
    var agent = scriptedAgent();
    var read = admin.agents().get(agent);
    var changed =
        new AgentRequest(
            null,
            "now described",
            "You help.",
            read.provider(),
            "scripted",
            null,
            null,
            List.of("current_time"),
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    var updated = admin.agents().update(agent, changed, read.version());
    var stale =
        assertThrows(
            AgentryException.Conflict.class,
            () -> admin.agents().update(agent, changed, read.version()));
    var paused = admin.agents().pause(agent);
    var refused =
        assertThrows(
            AgentryException.Conflict.class,
            () -> admin.tasks().submit(agent, TaskRequest.of("x")));
    admin.agents().resume(agent);

    assertEquals("now described", updated.description());
    assertTrue(updated.version() > read.version());
    assertEquals("PRECONDITION_FAILED", stale.code());
    assertTrue(paused.paused());
    assertEquals("AGENT_PAUSED", refused.code());
    assertTrue(admin.agents().list().stream().anyMatch(a -> a.name().equals(agent)));

    var ids = new ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      ids.add(admin.tasks().submit(agent, TaskRequest.of("task " + i)).taskId());
    }
    var listed =
        admin.tasks().listAll(TaskQuery.ofAgent(agent).withLimit(1)).map(Task::taskId).toList();
    assertEquals(ids.stream().sorted((a, b) -> ids.indexOf(b) - ids.indexOf(a)).toList(), listed);
    var firstPage = admin.tasks().list(TaskQuery.ofAgent(agent).withLimit(2), null);
    assertEquals(2, firstPage.items().size());
    assertNotNull(firstPage.nextCursor());
  }

  @Test
  void chatRunsATurnAndGoesOnInItsSession() {
    var agent = scriptedAgent();

    var first = admin.agents().chat(agent, "what time is it?", null);
    var second = admin.agents().chat(agent, "and now?", first.sessionId());

    assertEquals("all done", first.reply());
    assertEquals("completed", first.stopReason());
    assertEquals(2, first.iterations());
    assertEquals("current_time", first.toolCalls().get(0).getString("name"));
    assertEquals(30, first.usage().promptTokens());
    assertEquals(first.sessionId(), second.sessionId());
  }

  @Test
  void errorsAreTypedProblemsWithTheirCodes() {
    var missingAgent =
        assertThrows(AgentryException.NotFound.class, () -> admin.agents().get("no-such-agent"));
    var missingTask =
        assertThrows(
            AgentryException.NotFound.class, () -> admin.tasks().get(UUID.randomUUID().toString()));
    var missingStream =
        assertThrows(
            AgentryException.NotFound.class,
            () -> admin.tasks().follow(UUID.randomUUID().toString(), 0, e -> {}));
    var agent = scriptedAgent();
    var badCron =
        new ScheduleRequest(
            "bad",
            agent,
            new ScheduleRequest.Template("x", null, null, null, null, null),
            null,
            "every minute",
            null,
            null,
            null,
            null,
            null);
    var invalidSchedule =
        assertThrows(
            AgentryException.InvalidRequest.class, () -> admin.schedules().create(badCron));
    var badPriority =
        assertThrows(
            AgentryException.InvalidRequest.class,
            () -> admin.tasks().submit(agent, TaskRequest.of("x").withPriority("urgent")));
    var exists =
        assertThrows(
            AgentryException.Conflict.class,
            () -> admin.agents().create(AgentRequest.of(agent, "p", "x", "scripted")));

    assertEquals("AGENT_NOT_FOUND", missingAgent.code());
    assertEquals(404, missingAgent.status());
    assertEquals("TASK_NOT_FOUND", missingTask.code());
    assertEquals("TASK_NOT_FOUND", missingStream.code());
    assertEquals(422, invalidSchedule.status());
    assertEquals("INVALID_SCHEDULE", invalidSchedule.code());
    assertEquals("VALIDATION_FAILED", badPriority.code());
    assertEquals("AGENT_EXISTS", exists.code());
    assertNotNull(exists.title());
  }

  @Test
  void apiKeysMeAndDispatch() {
    var key = admin.apiKeys().create("client-it-" + UUID.randomUUID(), "viewer");
    assertTrue(key.token().startsWith("agentry_"), key.toString());
    try (var viewer = AgentryClient.builder().baseUrl(base).token(key.token()).build()) {
      var me = viewer.me();
      var forbidden =
          assertThrows(AgentryException.AccessDenied.class, () -> viewer.apiKeys().list());
      admin.apiKeys().revoke(key.id());
      var revoked = assertThrows(AgentryException.AccessDenied.class, viewer::me);

      assertEquals(List.of("viewer"), me.roles());
      assertEquals("api-key", me.authenticatedBy());
      assertEquals("FORBIDDEN", forbidden.code());
      assertEquals("UNAUTHENTICATED", revoked.code());
      assertEquals(401, revoked.status());
    }
    assertTrue(admin.apiKeys().get(key.id()).revoked());
    assertEquals("admin-token", admin.me().authenticatedBy());
    assertNotNull(admin.dispatch().state().queueDepth());
  }

  @Test
  void schedulesPauseResumeRunNowAndDelete() throws Exception {
    var agent = scriptedAgent();
    var created = admin.schedules().create(ScheduleRequest.every("hourly", agent, "tick", 3600));

    var paused = admin.schedules().pause(created.id());
    var resumed = admin.schedules().resume(created.id());
    var run = admin.schedules().runNow(created.id());
    var listed = admin.schedules().list(agent, null, null);
    var budget = admin.agents().setBudget(agent, Budget.dailyUsd(new BigDecimal("0.50")));
    var ended = admin.tasks().subscribe(run.taskId(), e -> {}).get(60, TimeUnit.SECONDS);
    var runs = admin.schedules().runs(created.id(), null, null);
    admin.schedules().delete(created.id());

    assertEquals(3600L, created.intervalSeconds());
    assertTrue(paused.paused());
    assertFalse(resumed.paused());
    assertEquals(List.of(created.id()), listed.stream().map(s -> s.id()).toList());
    assertEquals("completed", ended.status());
    assertEquals(run.taskId(), runs.get(0).taskId());
    assertEquals("fired", runs.get(0).outcome());
    assertEquals("manual", runs.get(0).reason());
    assertEquals(0, new BigDecimal("0.5").compareTo(budget.dailyUsd()));
    assertEquals(budget, admin.agents().budget(agent));
    assertThrows(AgentryException.NotFound.class, () -> admin.schedules().get(created.id()));
  }

  @Test
  void theCliJarSubmitsWaitsAndReportsProblems() throws Exception {
    var jar = Path.of(System.getProperty("agentry.it.cli.jar", "../cli/target/agentry-cli.jar"));
    assumeTrue(Files.isRegularFile(jar), "build the cli module first: " + jar);
    var agent = scriptedAgent();

    var submitted = cli(jar, "tasks", "submit", agent, "check the time", "--wait");
    var listed = cli(jar, "tasks", "list", "--agent", agent, "-o", "json");
    var missing = cli(jar, "tasks", "get", "no-such-task");
    var me = cli(jar, "me", "-o", "json");

    assertEquals(0, submitted.code(), submitted.err());
    assertEquals("all done", submitted.out().strip());
    assertTrue(submitted.err().contains(" completed · 2 model calls · 35 tokens"), submitted.err());
    assertEquals(0, listed.code(), listed.err());
    JsonArray tasks = Json.createReader(new StringReader(listed.out())).readArray();
    assertEquals("completed", tasks.getJsonObject(0).getString("status"));
    assertEquals(0, me.code(), me.err());
    assertEquals(
        "admin-token",
        Json.createReader(new StringReader(me.out())).readObject().getString("authenticatedBy"));
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("TASK_NOT_FOUND (404)"), missing.err());
  }

  private record Run(int code, String out, String err) {}

  private static Run cli(Path jar, String... args) throws Exception {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command);
    builder.environment().put("AGENTRY_URL", base);
    builder.environment().put("AGENTRY_TOKEN", SharedServer.ADMIN);
    var err = Files.createTempFile("agentry-cli", ".err");
    builder.redirectError(err.toFile());
    var process = builder.start();
    var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the CLI did not end");
    var errors = Files.readString(err);
    Files.delete(err);
    return new Run(process.exitValue(), out, errors);
  }

  /** A new scripted provider playing {@link #TURNS} and an agent on it with current_time. */
  private static String scriptedAgent() {
    var id = UUID.randomUUID().toString().substring(0, 8);
    var prices =
        Json.createObjectBuilder()
            .add(
                "scripted",
                Json.createObjectBuilder().add("inputPerMillion", 1).add("outputPerMillion", 2))
            .build();
    var turns = Json.createReader(new StringReader(TURNS)).readArray();
    var provider =
        admin
            .providers()
            .create(
                new ProviderRequest("cp-" + id, "scripted", null, null, null, null, prices, turns));
    assertFalse(provider.apiKeySet());
    var agent =
        new AgentRequest(
            "ca-" + id,
            null,
            "You help.",
            provider.name(),
            "scripted",
            null,
            null,
            List.of("current_time"),
            new AgentRequest.Limits(5, 60, null),
            null,
            null,
            null,
            null,
            null,
            null);
    return admin.agents().create(agent).name();
  }
}
