package org.agentry.server;

import static org.agentry.server.AgentsIT.agent;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.ServerIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schedules over HTTP on the shared server: an interval schedule fires once per slot on time and
 * stops while paused, run-now starts a task at once, bad timing gets 422, and the overlap policies
 * skip or buffer slots while a slow task runs.
 */
class SchedulesIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    api = SharedServer.api();
  }

  @Test
  void intervalScheduleFiresOncePerSlotAndStopsWhilePaused() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"tick\"}]"), "[]");
    var created = create(body(agent, "\"intervalSeconds\":2"));
    assertEquals(201, created.status(), created.body());
    var etag = created.raw().headers().firstValue("ETag").orElseThrow();
    var id = created.json().getString("id");
    var createdAt = Instant.parse(created.json().getString("createdAt"));
    assertEquals(createdAt.plus(INTERVAL), Instant.parse(created.json().getString("nextRunAt")));

    awaitRuns(id, runs -> fired(runs).size() >= 3);
    var read = api.get("/api/v1/schedules/" + id, ADMIN);
    assertEquals(etag, read.raw().headers().firstValue("ETag").orElseThrow(), "firing keeps it");
    var paused = post(id, "pause");
    assertFalse(etag.equals(paused.raw().headers().firstValue("ETag").orElseThrow()));
    assertTrue(paused.json().getBoolean("paused"));
    var atPause = runs(id);
    Thread.sleep(3_000);
    assertEquals(ids(atPause), ids(runs(id)), "nothing fires while paused");

    assertEachSlotOnceOnTheGrid(atPause, createdAt.plus(INTERVAL));
    var taskIds = new HashSet<String>();
    for (var run : fired(atPause)) {
      assertTrue(taskIds.add(run.getString("taskId")), "one task per slot");
      var task = TasksIT.awaitStatus(run.getString("taskId"), "completed");
      var late = Duration.between(slot(run), Instant.parse(task.getString("createdAt")));
      assertFalse(late.isNegative(), "never before its slot: " + run);
      assertTrue(late.compareTo(INTERVAL.plusSeconds(1)) < 0, "on time: " + run);
      assertTrue(task.getJsonArray("tags").toString().contains("\"schedule:" + id + "\""));
    }

    var resumed = post(id, "resume");
    assertFalse(resumed.json().getBoolean("paused"));
    var resumedAt = Instant.parse(resumed.json().getString("updatedAt"));
    var after = awaitRuns(id, runs -> fired(runs).size() > fired(atPause).size());
    var pausedAt = Instant.parse(paused.json().getString("updatedAt"));
    for (var value : after) {
      var run = value.asJsonObject();
      var slot = slot(run);
      assertFalse(slot.isAfter(pausedAt) && slot.isBefore(resumedAt), "no catch-up: " + run);
    }
    post(id, "pause");
  }

  @Test
  void upcomingListsTheFiresOfActiveSchedulesInARange() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"tick\"}]"), "[]");
    var daily = create(body(agent, "\"cron\":\"30 9 * * *\",\"timeZone\":\"Europe/Paris\""));
    assertEquals(201, daily.status(), daily.body());
    var resting = body(agent, "\"intervalSeconds\":60,\"paused\":true");
    assertEquals(201, create(resting).status());
    var from = "2030-01-01T00:00:00Z";
    var week =
        api.get(
                "/api/v1/schedules/upcoming?agent="
                    + agent
                    + "&from="
                    + from
                    + "&to=2030-01-08T00:00:00Z",
                ADMIN)
            .json();
    var fires = week.getJsonArray("fires");
    assertEquals(7, fires.size(), fires.toString());
    // 09:30 in Paris in winter is 08:30 UTC; the paused schedule is left out
    for (var fire : fires) {
      var f = fire.asJsonObject();
      assertTrue(f.getString("at").endsWith("T08:30:00Z"), f.toString());
      assertEquals(daily.json().getString("id"), f.getString("scheduleId"));
      assertEquals("Europe/Paris", f.getString("timeZone"));
    }
    assertFalse(week.getBoolean("truncated"));
    var two =
        api.get(
                "/api/v1/schedules/upcoming?agent="
                    + agent
                    + "&from="
                    + from
                    + "&to=2030-01-08T00:00:00Z&limit=2",
                ADMIN)
            .json();
    assertEquals(2, two.getJsonArray("fires").size());
    assertTrue(two.getBoolean("truncated"));
    assertProblem(
        api.get("/api/v1/schedules/upcoming?from=" + from + "&to=2029-12-31T00:00:00Z", ADMIN),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api.get("/api/v1/schedules/upcoming?from=" + from + "&to=2030-03-01T00:00:00Z", ADMIN),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api.get("/api/v1/schedules/upcoming?limit=1001", ADMIN), 400, "VALIDATION_FAILED");
  }

  @Test
  void runNowStartsTheTaskAtOnce() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"on demand\"}]"), "[]");
    var body = body(agent, "\"cron\":\"0 0 1 1 *\",\"timeZone\":\"Europe/Berlin\"");
    var schedule = create(body).json();
    var id = schedule.getString("id");
    var berlin = ZoneId.of("Europe/Berlin");
    var newYear = LocalDate.now(berlin).plusYears(1).withDayOfYear(1).atStartOfDay(berlin);
    assertEquals(newYear.toInstant(), Instant.parse(schedule.getString("nextRunAt")));

    var viewer = viewerToken();
    assertEquals(200, api.get("/api/v1/schedules/" + id, viewer).status());
    assertProblem(
        api.post("/api/v1/schedules/" + id + "/run-now", viewer, JSON, ""), 403, "FORBIDDEN");

    var accepted = post(id, "run-now");
    assertEquals(202, accepted.status(), accepted.body());
    var taskId = accepted.json().getString("taskId");
    assertTrue(accepted.raw().headers().firstValue("Location").orElseThrow().endsWith(taskId));
    assertEquals("on demand", TasksIT.awaitStatus(taskId, "completed").getString("output"));
    var runs = runs(id);
    assertEquals(1, runs.size());
    assertEquals("manual", runs.getJsonObject(0).getString("reason"));
    assertEquals(taskId, runs.getJsonObject(0).getString("taskId"));
    assertEquals("completed", runs.getJsonObject(0).getString("taskStatus"));
    assertEquals(204, api.delete("/api/v1/schedules/" + id, ADMIN).status());
  }

  @Test
  void timingThatMakesNoRhythmIsRefusedAndCreatesNothing() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"x\"}]"), "[]");
    assertProblem(create(body(agent, "\"cron\":\"61 * * * *\"")), 422, "INVALID_SCHEDULE");
    assertProblem(
        create(body(agent, "\"cron\":\"0 9 * * *\",\"timeZone\":\"Mars/Olympus_Mons\"")),
        422,
        "INVALID_SCHEDULE");
    assertProblem(
        create(body(agent, "\"intervalSeconds\":2,\"cron\":\"0 9 * * *\"")),
        422,
        "INVALID_SCHEDULE");
    assertProblem(create(body("no-such-agent", "\"intervalSeconds\":2")), 404, "AGENT_NOT_FOUND");
    assertProblem(
        create(body(agent, "\"intervalSeconds\":2,\"owner\":\"me\"")), 400, "MALFORMED_JSON");
    assertEquals(
        0, api.get("/api/v1/schedules?agent=" + agent, ADMIN).structure().asJsonArray().size());
    assertProblem(api.get("/api/v1/schedules/no-such-id", ADMIN), 404, "SCHEDULE_NOT_FOUND");
  }

  @Test
  void skipPolicySkipsSlotsWhileTheSlowTaskRuns() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"slow\",\"delayMs\":5000}]"), "[]");
    var id = create(body(agent, "\"intervalSeconds\":2")).json().getString("id");

    var runs = awaitRuns(id, r -> has(r, "skipped", "overlap"));
    post(id, "pause");

    var first = fired(runs).get(0);
    var slow = TasksIT.awaitStatus(first.getString("taskId"), "completed");
    var finished = Instant.parse(slow.getString("finishedAt"));
    var skipped =
        runs.stream().map(JsonObject.class::cast).filter(r -> is(r, "skipped", "overlap"));
    skipped.forEach(
        r ->
            assertTrue(
                slot(r).isAfter(slot(first)) && slot(r).isBefore(finished), "while it ran: " + r));

    assertEquals(204, api.delete("/api/v1/schedules/" + id, ADMIN).status());
    assertProblem(api.get("/api/v1/schedules/" + id + "/runs", ADMIN), 404, "SCHEDULE_NOT_FOUND");
    assertEquals(200, api.get("/api/v1/tasks/" + first.getString("taskId"), ADMIN).status());
  }

  @Test
  void bufferOneFiresOneBufferedSlotWhenTheSlowTaskEnds() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"slow\",\"delayMs\":4000}]"), "[]");
    var timing = "\"intervalSeconds\":2,\"overlap\":\"buffer_one\"";
    var id = create(body(agent, timing)).json().getString("id");

    var runs = awaitRuns(id, r -> has(r, "fired", "buffered") && has(r, "skipped", "overlap"));
    post(id, "pause");

    var fired = fired(runs);
    for (int i = 1; i < fired.size(); i++) {
      if (is(fired.get(i), "fired", "buffered")) {
        var previous = TasksIT.awaitStatus(fired.get(i - 1).getString("taskId"), "completed");
        var task = api.get("/api/v1/tasks/" + fired.get(i).getString("taskId"), ADMIN).json();
        var started = Instant.parse(task.getString("createdAt"));
        assertFalse(
            started.isBefore(Instant.parse(previous.getString("finishedAt"))),
            "a buffered slot waits for the previous task to end: " + runs);
      }
    }
    assertEquals(204, api.delete("/api/v1/schedules/" + id, ADMIN).status());
  }

  /** Every slot from the first on is one run (or part of one coalesced missed run), 2 s apart. */
  private static void assertEachSlotOnceOnTheGrid(JsonArray runs, Instant firstSlot) {
    var slots = new ArrayList<Instant>();
    for (var value : runs) {
      var run = value.asJsonObject();
      for (int i = 0; i < run.getInt("slotCount"); i++) {
        slots.add(slot(run).plus(INTERVAL.multipliedBy(i)));
      }
    }
    slots.sort(Comparator.naturalOrder());
    assertEquals(firstSlot, slots.get(0), "the first slot is one interval after creation");
    for (int i = 1; i < slots.size(); i++) {
      assertEquals(INTERVAL, Duration.between(slots.get(i - 1), slots.get(i)), "slots " + slots);
    }
  }

  private static List<String> ids(JsonArray runs) {
    return runs.stream().map(r -> r.asJsonObject().getString("id")).toList();
  }

  private static Api.Reply create(String body) throws Exception {
    return api.post("/api/v1/schedules", ADMIN, JSON, body);
  }

  private static String body(String agent, String timing) {
    return "{\"name\":\"it-"
        + AgentsIT.shortId()
        + "\",\"agent\":\""
        + agent
        + "\",\"task\":{\"input\":\"do the round\",\"priority\":\"high\",\"tags\":[\"it\"]},"
        + timing
        + "}";
  }

  private static Api.Reply post(String id, String action) throws Exception {
    var reply = api.post("/api/v1/schedules/" + id + "/" + action, ADMIN, JSON, "");
    assertTrue(reply.status() == 200 || reply.status() == 202, reply.body());
    return reply;
  }

  private static JsonArray runs(String id) throws Exception {
    var reply = api.get("/api/v1/schedules/" + id + "/runs?limit=200", ADMIN);
    assertEquals(200, reply.status(), reply.body());
    return reply.structure().asJsonArray();
  }

  private static JsonArray awaitRuns(String id, Predicate<JsonArray> done) throws Exception {
    var deadline = Instant.now().plusSeconds(30);
    var runs = runs(id);
    while (!done.test(runs)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("runs never got there: " + runs);
      }
      Thread.sleep(200);
      runs = runs(id);
    }
    return runs;
  }

  /** Fired runs, earliest slot first. */
  private static List<JsonObject> fired(JsonArray runs) {
    return runs.stream()
        .map(JsonObject.class::cast)
        .filter(r -> r.getString("outcome").equals("fired"))
        .sorted(Comparator.comparing(SchedulesIT::slot))
        .toList();
  }

  private static boolean has(JsonArray runs, String outcome, String reason) {
    return runs.stream().map(JsonObject.class::cast).anyMatch(r -> is(r, outcome, reason));
  }

  private static boolean is(JsonObject run, String outcome, String reason) {
    return run.getString("outcome").equals(outcome) && run.getString("reason").equals(reason);
  }

  private static Instant slot(JsonObject run) {
    return Instant.parse(run.getString("slot"));
  }

  private static String viewerToken() throws Exception {
    var body = "{\"name\":\"viewer-" + AgentsIT.shortId() + "\",\"role\":\"viewer\"}";
    return api.post("/api/v1/api-keys", ADMIN, JSON, body).json().getString("token");
  }
}
