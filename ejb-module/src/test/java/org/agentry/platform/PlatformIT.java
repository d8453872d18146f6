package org.agentry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.File;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.agentry.agent.boundary.Agents;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.budget.boundary.BudgetView;
import org.agentry.budget.boundary.Budgets;
import org.agentry.budget.boundary.Reservation;
import org.agentry.dispatch.boundary.Leases;
import org.agentry.dispatch.boundary.TaskDispatch;
import org.agentry.dispatch.boundary.TaskRuns;
import org.agentry.platform.boundary.SystemInfo;
import org.agentry.provider.boundary.Providers;
import org.agentry.provider.entity.ProviderKind;
import org.agentry.provider.entity.ProviderSpec;
import org.agentry.run.control.RunOutcome;
import org.agentry.run.control.StepRecorder.Ending;
import org.agentry.run.control.StepRecorder.ModelStep;
import org.agentry.security.boundary.ApiKeys;
import org.agentry.security.entity.Role;
import org.agentry.task.boundary.EventFeed;
import org.agentry.task.boundary.EventLog;
import org.agentry.task.boundary.Tasks;
import org.agentry.task.entity.TaskSpec;
import org.agentry.task.entity.TaskStatus;
import org.agentry.tool.entity.ToolCallOrigin;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests on Payara Micro against PostgreSQL and the embedded ActiveMQ broker: the
 * platform's datasource, Flyway migrations, JMS priority order, the API key store and fenced task
 * leases. The archive is the real ejb-module jar with its runtime libraries, deployed once for the
 * class.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  @Deployment
  static WebArchive deployment() {
    var it = new File(System.getProperty("agentry.it.dir"));
    var libraries = new File(it, "lib").listFiles((dir, name) -> name.endsWith(".jar"));
    return ShrinkWrap.create(WebArchive.class, "agentry-it.war")
        .addAsLibrary(new File(System.getProperty("agentry.it.ejbJar")))
        .addAsLibraries(libraries)
        .addClasses(PriorityProbe.class, TaskProbe.class, EventProbe.class)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject PriorityProbe probe;
  @Inject TaskRuns runs;
  @Inject TaskDispatch dispatch;
  @Inject Tasks taskBoundary;
  @Inject Budgets budgets;
  @Inject Leases leases;
  @Inject TaskProbe tasks;
  @Inject Providers providers;
  @Inject Agents agents;
  @Inject ApiKeys apiKeys;
  @Inject SystemInfo systemInfo;
  @Inject EventProbe eventProbe;
  @Inject EventLog eventLog;

  /**
   * Sixteen writers append events in transactions that stay open a random while (some roll back),
   * so ids commit out of order, while a feed reads along: every committed event comes out once, in
   * id order, none skipped. A reader that just moves past the highest id it saw misses some here.
   */
  @Test
  void eventFeedSkipsNothingWhileTransactionsCommitOutOfOrder() throws Exception {
    var taskId = UUID.randomUUID().toString();
    var feed = new EventFeed(eventLog, eventLog.lastId(), 10_000, 1000);
    var written = new java.util.concurrent.atomic.AtomicInteger();
    var pool = Executors.newFixedThreadPool(16);
    var writers = new ArrayList<java.util.concurrent.Future<?>>();
    for (int w = 0; w < 16; w++) {
      long seed = w;
      writers.add(
          pool.submit(
              () -> {
                var random = new Random(seed);
                while (written.get() < 10_500) {
                  int count = 1 + random.nextInt(6);
                  boolean rollBack = random.nextInt(25) == 0;
                  eventProbe.write(taskId, count, random.nextInt(15), rollBack);
                  if (!rollBack) {
                    written.addAndGet(count);
                  }
                }
                return null;
              }));
    }
    var released = new ArrayList<Long>();
    var deadline = Instant.now().plusSeconds(120);
    while (writers.stream().anyMatch(f -> !f.isDone()) && Instant.now().isBefore(deadline)) {
      collect(feed, taskId, released);
      Thread.sleep(20);
    }
    pool.shutdown();
    for (var writer : writers) {
      writer.get(); // rethrows a writer's failure
    }
    var committed = eventProbe.ids(taskId);
    while (feed.floor() < committed.get(committed.size() - 1) && Instant.now().isBefore(deadline)) {
      collect(feed, taskId, released);
      Thread.sleep(20);
    }
    assertTrue(committed.size() >= 10_000, "events: " + committed.size());
    var missing = new java.util.TreeSet<>(committed);
    released.forEach(missing::remove);
    assertEquals(java.util.Set.of(), missing, "never released");
    assertEquals(committed, released); // and none twice, in id order
  }

  private static void collect(EventFeed feed, String taskId, List<Long> into) {
    EventFeed.Batch batch;
    do {
      batch = feed.poll();
      batch.released().stream()
          .filter(e -> e.getTaskId().equals(taskId))
          .forEach(e -> into.add(e.getId()));
    } while (batch.more());
  }

  @Test
  void messagesSentInOneTransactionAreConsumedHighestPriorityFirst() throws Exception {
    var queue = "agentry.it.priority." + UUID.randomUUID();
    var priorities = new ArrayList<>(IntStream.rangeClosed(0, 9).boxed().toList());
    Collections.shuffle(priorities, new Random(42));

    probe.sendInOneTransaction(queue, priorities);

    assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), probe.receivePriorities(queue, 10));
  }

  @Test
  void runsOnPostgresqlWithTheMigratedSchema() {
    var info = systemInfo.describe();
    assertEquals("postgresql", info.databaseKind());
    assertEquals("embedded", info.brokerKind());
  }

  @Test
  void apiKeyAuthenticatesUntilRevokedAndKeepsItsTimestamps() {
    var created = apiKeys.create("it-" + UUID.randomUUID(), Role.OPERATOR);

    var caller = apiKeys.authenticate(created.token()).orElseThrow();
    assertEquals(Role.OPERATOR, caller.role());
    var stored = apiKeys.find(created.key().getId()).orElseThrow();
    assertEquals(created.key().getCreatedAt(), stored.getCreatedAt());

    apiKeys.revoke(created.key().getId());
    assertTrue(apiKeys.authenticate(created.token()).isEmpty());
    assertTrue(apiKeys.find(created.key().getId()).orElseThrow().isRevoked());
  }

  /**
   * A reservation that its run never settles (the node died) is given back once it expires; a run
   * that settles after that counts its usage without giving back twice.
   */
  @Test
  void expiredReservationsGoBackOnce() {
    var agent = "r-" + UUID.randomUUID().toString().substring(0, 8);
    budgets.setLimits(agent, 10_000L, null, null, null);
    var limits = budgets.limitsFor("default", agent);

    var lost = budgets.reserve(limits, null, 500, BigDecimal.ZERO).orElseThrow();
    var late = budgets.reserve(limits, null, 300, BigDecimal.ZERO).orElseThrow();
    assertEquals(800, day(agent).reservedTokens());

    var later = Instant.now().plusSeconds(3600);
    var expired = budgets.expiredReservations(later, 1000);
    assertTrue(expired.containsAll(List.of(lost.id(), late.id())));
    assertTrue(budgets.release(lost.id()));
    assertFalse(budgets.release(lost.id()));
    assertTrue(budgets.release(late.id()));
    assertEquals(0, day(agent).reservedTokens());

    budgets.settle(late, 120, BigDecimal.ZERO);
    assertEquals(0, day(agent).reservedTokens());
    assertEquals(120, day(agent).usedTokens());
  }

  private BudgetView day(String agent) {
    return budgets.list().stream()
        .filter(v -> v.scope().startsWith("agent:" + agent + ":day:"))
        .findFirst()
        .orElseThrow();
  }

  /** An idempotency key names its task for a day (the default); after that it makes a new one. */
  @Test
  void idempotencyKeysLiveADay() {
    var agent = scriptedAgent();
    var spec = new TaskSpec("keyed", 4, List.of(), null, null, null, null, null, null);
    var recent = tasks.keyedTask(agent, "k-recent", "h", Instant.now().minusSeconds(3600));
    var old = tasks.keyedTask(agent, "k-old", "h", Instant.now().minusSeconds(25 * 3600));

    assertEquals(recent, taskBoundary.submit(agent, spec, "k-recent", "h").task().getId());
    var renewed = taskBoundary.submit(agent, spec, "k-old", "h");
    assertTrue(renewed.created());
    assertNotEquals(old, renewed.task().getId());
  }

  /** Two consumers that get the same task id at once (a resent message): one claim wins. */
  @Test
  void twoClaimsAtOnceGetTheTaskOnce() throws Exception {
    var taskId = tasks.queuedTask(scriptedAgent());
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Boolean> claim =
          () -> {
            start.await();
            return runs.claim(taskId, "node-race", Duration.ofSeconds(30)) != null;
          };
      var first = pool.submit(claim);
      var second = pool.submit(claim);
      start.countDown();
      int won =
          (first.get(30, TimeUnit.SECONDS) ? 1 : 0) + (second.get(30, TimeUnit.SECONDS) ? 1 : 0);

      assertEquals(1, won);
      assertEquals(1, tasks.task(taskId).getAttempts());
      assertEquals(TaskStatus.RUNNING, tasks.task(taskId).getStatus());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A dispatch resume (or the sweeper) sends a task while a consumer claims it: neither fails. The
   * resume used to read each task and write it back under its version, so a claim committed in
   * between made the whole resume fail as a conflict (409) and none of its tasks were sent
   * (ClusterIT, resuming 1,000 tasks while a node's stall fallback claimed some).
   */
  @Test
  void sendingATaskWhileAConsumerClaimsItFailsNeither() throws Exception {
    var taskId = tasks.queuedTask(scriptedAgent());
    var locked = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      var claim =
          pool.submit(
              () -> {
                tasks.claimSlowly(taskId, locked, release);
                return null;
              });
      assertTrue(locked.await(30, TimeUnit.SECONDS));
      var send = pool.submit(() -> dispatch.send(List.of(taskId)));
      Thread.sleep(1000); // the send reads the task as queued and waits for its row
      release.countDown();
      claim.get(30, TimeUnit.SECONDS);
      assertTrue(send.get(30, TimeUnit.SECONDS) <= 1, "the send went through");
      assertEquals(TaskStatus.RUNNING, tasks.task(taskId).getStatus());
      assertEquals(1, tasks.task(taskId).getAttempts());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A run whose lease lapsed and whose task was claimed again (here by the same node, as after a
   * long pause) writes nothing, learns at renewal that it lost the task, and cannot end it; the new
   * run can.
   */
  @Test
  void staleRunWritesNothingAndTheNewRunEndsTheTask() {
    var agent = scriptedAgent();
    var taskId = tasks.queuedTask(agent);
    var node = "node-it";

    var first = runs.claim(taskId, node, Duration.ofSeconds(30));
    assertNotNull(first);
    tasks.lapse(taskId);
    var second = runs.claim(taskId, node, Duration.ofSeconds(30));
    assertNotNull(second);
    assertNotEquals(first.lease().token(), second.lease().token());
    assertEquals(2, tasks.task(taskId).getAttempts());

    var origin = new ToolCallOrigin("default", agent, first.context().sessionId(), taskId);
    assertEquals(TaskRuns.STALE, runs.modelResponded(first.lease(), origin, "p", step()));
    var renewal = leases.renew(Map.of(taskId, first.lease().token()), Duration.ofSeconds(30));
    assertTrue(renewal.lost().contains(taskId));
    assertFalse(runs.finish(first.lease(), origin, "p", completed("old"), Duration.ofSeconds(1)));
    assertEquals(TaskStatus.RUNNING, tasks.task(taskId).getStatus());

    var renewed = leases.renew(Map.of(taskId, second.lease().token()), Duration.ofSeconds(30));
    assertTrue(renewed.lost().isEmpty());
    var newOrigin = new ToolCallOrigin("default", agent, second.context().sessionId(), taskId);
    assertTrue(
        runs.finish(second.lease(), newOrigin, "p", completed("new"), Duration.ofSeconds(1)));
    var task = tasks.task(taskId);
    assertEquals(TaskStatus.COMPLETED, task.getStatus());
    assertEquals("new", task.getOutput());
  }

  private String scriptedAgent() {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var provider = "p-" + suffix;
    providers.create(
        provider,
        new ProviderSpec(ProviderKind.SCRIPTED, null, 1000, 0, "{}", "[{\"text\":\"x\"}]"),
        null);
    var name = "fenced-" + suffix;
    agents.create(
        name,
        new AgentSpec(
            null,
            "You help.",
            provider,
            "scripted",
            null,
            null,
            List.of(),
            null,
            true,
            null,
            null,
            null,
            null));
    return name;
  }

  private static ModelStep step() {
    return new ModelStep(
        1, "scripted", "hi", List.of(), 1, 1, BigDecimal.ZERO, 1, Reservation.NONE);
  }

  private static Ending completed(String reply) {
    var totals = new RunOutcome.Totals(null, 1, 1, 1, BigDecimal.ZERO, List.of());
    return new Ending(null, null, List.of(), new RunOutcome.Completed(reply, totals));
  }
}
