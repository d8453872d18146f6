package org.agentry.server;

import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Goals on the shared server, on scripted agents: a two-level DAG (two parallel steps, then one
 * needing both) completing with the planner's synthesis as result; an invalid plan repaired; a plan
 * that stays invalid failing the goal; a re-plan after a failed step; cancel reaching the step
 * tasks; four steps ending at once starting the step that needs them exactly once; the goal's
 * budget split over its tasks and, used up, failing the goal; usage counting delegated tasks; bad
 * input.
 */
class GoalsIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  /** An agent on a new scripted provider playing these turns (JSON objects). */
  private static String agent(String prefix, String turns, String extra) throws Exception {
    return agent(prefix, turns, "[]", extra);
  }

  private static String agent(String prefix, String turns, String tools, String extra)
      throws Exception {
    var name = prefix + "-" + shortId();
    var json = agentJson(name, scriptedProvider(turns), tools, extra);
    var created = SharedServer.api().post("/api/v1/agents", ADMIN, JSON, json);
    assertEquals(201, created.status(), created.body());
    return name;
  }

  /** Text-only turns. */
  private static String texts(String... texts) {
    var turns = Json.createArrayBuilder();
    for (var text : texts) {
      turns.add(Json.createObjectBuilder().add("text", text));
    }
    return turns.build().toString();
  }

  /** A step of a plan: {@code id, agent, input, dependsOn}. */
  private static JsonObject step(String id, String agent, String... dependsOn) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("agent", agent)
        .add("input", "please do " + id)
        .add("dependsOn", Json.createArrayBuilder(List.of(dependsOn)))
        .build();
  }

  private static String plan(JsonObject... steps) {
    return Json.createObjectBuilder()
        .add("steps", Json.createArrayBuilder(List.of(steps)))
        .build()
        .toString();
  }

  private static Api.Reply submit(String body) throws Exception {
    return SharedServer.api().post("/api/v1/goals", ADMIN, JSON, body);
  }

  private static String goal(String planner, String agents) throws Exception {
    var body = "{\"goal\":\"write a report\",\"planner\":\"" + planner + "\"" + agents + "}";
    var reply = submit(body);
    assertEquals(202, reply.status(), reply.body());
    var id = reply.json().getString("goalId");
    assertTrue(
        reply.raw().headers().firstValue("Location").orElse("").endsWith("/api/v1/goals/" + id));
    return id;
  }

  private static JsonObject awaitGoal(String id, String status) throws Exception {
    var deadline = Instant.now().plusSeconds(90);
    JsonObject goal = null;
    while (Instant.now().isBefore(deadline)) {
      goal = SharedServer.api().get("/api/v1/goals/" + id, ADMIN).json();
      if (status.equals(goal.getString("status"))) {
        return goal;
      }
      Thread.sleep(150);
    }
    throw new AssertionError("goal never became " + status + ": " + goal);
  }

  private static List<JsonObject> events(String id, String type) throws Exception {
    var all =
        (JsonArray)
            SharedServer.api().get("/api/v1/goals/" + id + "/events?limit=200", ADMIN).structure();
    return all.stream()
        .map(v -> v.asJsonObject())
        .filter(e -> type.equals(e.getString("type")))
        .map(e -> e.getJsonObject("data"))
        .toList();
  }

  private static Map<String, JsonObject> steps(JsonObject goal) {
    return goal.getJsonArray("steps").stream()
        .map(v -> v.asJsonObject())
        .collect(
            Collectors.toMap(
                s -> s.getString("id") + "@" + s.getInt("round"), s -> s, (a, b) -> a));
  }

  private static JsonObject task(String id) throws Exception {
    return SharedServer.api().get("/api/v1/tasks/" + id, ADMIN).json();
  }

  private static Instant at(JsonObject task, String field) {
    return Instant.parse(task.getString(field));
  }

  @Test
  void aTwoLevelDagRunsInOrderAndTheSynthesisIsTheResult() throws Exception {
    var researcher = agent("r", "[{\"text\":\"the facts\",\"delayMs\":400}]", "");
    var writer = agent("w", "[{\"text\":\"the draft\",\"delayMs\":400}]", "");
    var editor = agent("e", texts("the edit"), "");
    var planner =
        agent(
            "plan",
            texts(
                plan(
                    step("facts", researcher),
                    step("draft", writer),
                    step("edit", editor, "facts", "draft")),
                "the final report"),
            "");

    var id =
        goal(planner, ",\"agents\":[\"" + researcher + "\",\"" + writer + "\",\"" + editor + "\"]");
    var done = awaitGoal(id, "completed");

    assertEquals("the final report", done.getString("result"));
    var steps = steps(done);
    assertEquals(3, steps.size(), done.toString());
    steps.values().forEach(s -> assertEquals("completed", s.getString("status"), s.toString()));
    assertEquals("the edit", steps.get("edit@0").getString("output"));
    var facts = task(steps.get("facts@0").getString("taskId"));
    var draft = task(steps.get("draft@0").getString("taskId"));
    var edit = task(steps.get("edit@0").getString("taskId"));
    assertTrue(
        at(facts, "createdAt").isBefore(at(draft, "finishedAt"))
            && at(draft, "createdAt").isBefore(at(facts, "finishedAt")),
        "the two first steps ran at once");
    assertFalse(at(edit, "createdAt").isBefore(at(facts, "finishedAt")), "edit after facts");
    assertFalse(at(edit, "createdAt").isBefore(at(draft, "finishedAt")), "edit after draft");
    assertTrue(edit.getString("input").contains("## facts (" + researcher + ")\nthe facts"));
    assertTrue(edit.getString("input").contains("## draft (" + writer + ")\nthe draft"));
    var usage = done.getJsonObject("usage");
    assertEquals(5, usage.getInt("modelCalls"), "plan, three steps, synthesis");
    assertTrue(usage.getInt("promptTokens") > 0);
    var statuses = events(id, "status").stream().map(d -> d.getString("status")).toList();
    assertEquals(List.of("planning", "running", "synthesizing", "completed"), statuses);
    var listed = SharedServer.api().get("/api/v1/goals?status=completed&limit=200", ADMIN).json();
    assertTrue(listed.toString().contains(id), listed.toString());
    var stream =
        SharedServer.api()
            .send(
                SharedServer.api()
                    .request("/api/v1/goals/" + id + "/stream", ADMIN)
                    .header("Accept", "text/event-stream")
                    .GET());
    assertEquals(200, stream.status());
    assertTrue(stream.body().contains("event: goal.plan"), stream.body());
    assertTrue(stream.body().contains("\"status\":\"completed\""), "closes after the end");
  }

  /**
   * A goal's stream opened while it runs gets its events live, up to the end, when it closes (the
   * goal's own events are stored under its id, and a stream passes on only its tenant's events).
   */
  @Test
  void aStreamOpenedWhileTheGoalRunsGetsItsEventsLiveToTheEnd() throws Exception {
    var slow = agent("slow", "[{\"text\":\"slow facts\",\"delayMs\":1500}]", "");
    var planner = agent("plan", texts(plan(step("facts", slow)), "the summary"), "");
    var id = goal(planner, "");
    var stream =
        SharedServer.api()
            .send(
                SharedServer.api()
                    .request("/api/v1/goals/" + id + "/stream", ADMIN)
                    .header("Accept", "text/event-stream")
                    .timeout(java.time.Duration.ofSeconds(60))
                    .GET());
    assertEquals(200, stream.status());
    assertTrue(stream.body().contains("\"status\":\"synthesizing\""), stream.body());
    assertTrue(stream.body().contains("\"status\":\"completed\""), stream.body());
    assertEquals("the summary", awaitGoal(id, "completed").getString("result"));
  }

  @Test
  void anInvalidPlanIsRepairedWithTheValidationError() throws Exception {
    var worker = agent("w", texts("worked"), "");
    var outsider = agent("o", texts("never"), "");
    var planner =
        agent(
            "plan",
            texts(
                plan(step("a", outsider), step("b", worker, "nope")),
                plan(step("a", worker)),
                "done well"),
            "");

    var id = goal(planner, ",\"agents\":[\"" + worker + "\"]");
    var done = awaitGoal(id, "completed");

    assertEquals("done well", done.getString("result"));
    var invalid = events(id, "goal.plan.invalid");
    assertEquals(1, invalid.size(), invalid.toString());
    var error = invalid.get(0).getString("error");
    assertTrue(error.contains("is not among the goal's agents"), error);
    assertTrue(error.contains("unknown step 'nope'"), error);
    var repair = task(invalid.get(0).getString("taskId"));
    var purposes =
        events(id, "goal.planner.started").stream().map(d -> d.getString("purpose")).toList();
    assertEquals(List.of("plan", "repair", "synthesis"), purposes);
    assertNotNull(repair.getString("sessionId"));
  }

  /**
   * The plan is structured output: the planner's tasks carry the plan's JSON Schema (sent to
   * providers that take a response format), and the loop sends an answer outside it back to the
   * planner within the same task, before the goal sees it.
   */
  @Test
  void aPlanOutsideItsSchemaIsRepairedByTheLoopBeforeTheGoalSeesIt() throws Exception {
    var worker = agent("w", texts("worked"), "");
    var planner =
        agent(
            "plan",
            texts("Sure, here is my plan: first work.", plan(step("a", worker)), "all done"),
            "");

    var id = goal(planner, ",\"agents\":[\"" + worker + "\"]");
    var done = awaitGoal(id, "completed");

    assertEquals("all done", done.getString("result"));
    assertTrue(events(id, "goal.plan.invalid").isEmpty());
    var started = events(id, "goal.planner.started");
    var planTask = task(started.get(0).getString("taskId"));
    var schema = planTask.getJsonObject("responseSchema");
    assertEquals(
        "array", schema.getJsonObject("properties").getJsonObject("steps").getString("type"));
    assertEquals(2, planTask.getJsonObject("usage").getInt("iterations"), planTask.toString());
    var synthesis = task(started.get(1).getString("taskId"));
    assertFalse(synthesis.containsKey("responseSchema"), synthesis.toString());
  }

  @Test
  void aPlanThatStaysInvalidFailsTheGoal() throws Exception {
    var planner =
        agent("plan", texts("I would rather not.", "{\"steps\": [", "{\"steps\":[]}"), "");

    var id = goal(planner, "");
    var failed = awaitGoal(id, "failed");

    var error = failed.getString("error");
    assertTrue(error.startsWith("the plan stayed invalid after 2 repairs: "), error);
    assertTrue(error.contains("at least one step"), error);
    assertEquals(3, events(id, "goal.plan.invalid").size());
    assertTrue(failed.getJsonArray("steps").isEmpty());
  }

  @Test
  void aFailedStepTriggersOneReplan() throws Exception {
    var good = agent("g", texts("good part"), "");
    var failing =
        agent(
            "f",
            "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}]}]",
            "[\"current_time\"]",
            ",\"limits\":{\"maxIterations\":1}");
    var planner =
        agent(
            "plan",
            texts(
                plan(step("a", good), step("b", failing, "a")),
                plan(step("b2", good, "a")),
                "recovered"),
            "");

    var id = goal(planner, "");
    var done = awaitGoal(id, "completed");

    assertEquals("recovered", done.getString("result"));
    assertEquals(1, done.getInt("replansUsed"));
    var steps = steps(done);
    assertEquals("completed", steps.get("a@0").getString("status"));
    assertEquals("failed", steps.get("b@0").getString("status"));
    assertTrue(steps.get("b@0").getString("error").contains("failed"), steps.toString());
    assertEquals("completed", steps.get("b2@1").getString("status"));
    var replan =
        events(id, "goal.planner.started").stream()
            .filter(d -> "replan".equals(d.getString("purpose")))
            .findFirst()
            .orElseThrow();
    var input = task(replan.getString("taskId")).getString("input");
    assertTrue(input.startsWith("Step 'b' (" + failing + ") failed:"), input);
    assertTrue(input.contains("## a (" + good + ")\ngood part"), input);
    var statuses = events(id, "status").stream().map(d -> d.getString("status")).toList();
    assertEquals(
        List.of("planning", "running", "planning", "running", "synthesizing", "completed"),
        statuses);
  }

  @Test
  void cancellingTheGoalCancelsItsStepTasks() throws Exception {
    var slow = agent("s", "[{\"text\":\"late\",\"delayMs\":5000}]", "");
    var planner = agent("plan", texts(plan(step("a", slow), step("b", slow)), "never"), "");
    var id = goal(planner, "");
    var running = awaitGoal(id, "running");
    var taskIds =
        running.getJsonArray("steps").stream()
            .map(s -> s.asJsonObject().getString("taskId"))
            .toList();

    var cancelled = SharedServer.api().post("/api/v1/goals/" + id + "/cancel", ADMIN, JSON, "{}");

    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("cancelled", cancelled.json().getString("status"));
    for (var taskId : taskIds) {
      assertEquals("cancelled", awaitStatus(taskId, "cancelled").getString("status"));
    }
    var after = SharedServer.api().get("/api/v1/goals/" + id, ADMIN).json();
    after
        .getJsonArray("steps")
        .forEach(s -> assertEquals("cancelled", s.asJsonObject().getString("status")));
    var again = SharedServer.api().post("/api/v1/goals/" + id + "/cancel", ADMIN, JSON, "{}");
    assertEquals(409, again.status());
    assertEquals("GOAL_FINISHED", again.json().getString("code"));
  }

  @Test
  void fourStepsEndingAtOnceStartTheStepNeedingThemOnce() throws Exception {
    var quick = agent("q", texts("part"), "");
    var joiner = agent("j", texts("joined"), "");
    var planner =
        agent(
            "plan",
            texts(
                plan(
                    step("p1", quick),
                    step("p2", quick),
                    step("p3", quick),
                    step("p4", quick),
                    step("join", joiner, "p1", "p2", "p3", "p4")),
                "all joined"),
            "");

    var id = goal(planner, "");
    var done = awaitGoal(id, "completed");

    assertEquals("all joined", done.getString("result"));
    var started = events(id, "goal.step.started");
    assertEquals(
        1,
        started.stream().filter(d -> "join".equals(d.getString("stepId"))).count(),
        started.toString());
    assertEquals(5, started.size());
    assertEquals(
        1,
        events(id, "goal.planner.started").stream()
            .filter(d -> "synthesis".equals(d.getString("purpose")))
            .count());
    var tasks =
        SharedServer.api().get("/api/v1/tasks?agent=" + joiner + "&limit=200", ADMIN).json();
    assertEquals(1, tasks.getJsonArray("items").size(), tasks.toString());
  }

  /** A text turn reporting these token counts. */
  private static String turn(String text, int promptTokens, int completionTokens) {
    return Json.createObjectBuilder()
        .add("text", text)
        .add("promptTokens", promptTokens)
        .add("completionTokens", completionTokens)
        .build()
        .toString();
  }

  private static long tokenBudget(String taskId) throws Exception {
    var task = task(taskId);
    assertTrue(task.containsKey("tokenBudget"), task.toString());
    return task.getJsonNumber("tokenBudget").longValue();
  }

  /**
   * Each task of a goal with a budget gets an even share of what its tasks have not used yet, as
   * the task shows it: the planner all 100000, the two first steps half of what the plan left each,
   * the step after them and the synthesis what was left when each started.
   */
  @Test
  void theGoalsBudgetIsSplitOverItsTasksAsTheyStart() throws Exception {
    var worker = agent("w", "[" + turn("part", 4000, 1000) + "]", "");
    var planner =
        agent(
            "plan",
            "["
                + turn(
                    plan(step("a", worker), step("b", worker), step("c", worker, "a", "b")),
                    9000,
                    1000)
                + ","
                + turn("the summary", 100, 10)
                + "]",
            "");

    var id = goal(planner, ",\"budget\":100000");
    var done = awaitGoal(id, "completed");

    var steps = steps(done);
    assertEquals(45000, tokenBudget(steps.get("a@0").getString("taskId")), "(100000 - 10000) / 2");
    assertEquals(45000, tokenBudget(steps.get("b@0").getString("taskId")));
    assertEquals(80000, tokenBudget(steps.get("c@0").getString("taskId")), "100000 - 20000");
    var planners =
        events(id, "goal.planner.started").stream()
            .collect(Collectors.toMap(d -> d.getString("purpose"), d -> d.getString("taskId")));
    assertEquals(100000, tokenBudget(planners.get("plan")));
    assertEquals(75000, tokenBudget(planners.get("synthesis")), "100000 - 25000");
    var usage = done.getJsonObject("usage");
    assertEquals(
        25110, usage.getInt("promptTokens") + usage.getInt("completionTokens"), usage.toString());
  }

  /**
   * A goal whose earlier tasks used its budget up fails saying so when the next step is due, and
   * starts no further task: neither the step nor the synthesis.
   */
  @Test
  void aGoalWhoseBudgetIsUsedUpFailsAndStartsNoFurtherTask() throws Exception {
    var first = agent("first", "[" + turn("all of it", 15000, 5000) + "]", "");
    var second = agent("second", texts("never"), "");
    var planner =
        agent(
            "plan",
            "["
                + turn(plan(step("a", first), step("b", second, "a")), 9000, 1000)
                + ","
                + turn("never", 10, 10)
                + "]",
            "");

    var id = goal(planner, ",\"budget\":30000");
    var failed = awaitGoal(id, "failed");

    assertEquals(
        "the goal's token budget of 30000 is used up (30000 tokens)", failed.getString("error"));
    var steps = steps(failed);
    assertEquals("completed", steps.get("a@0").getString("status"), steps.toString());
    assertEquals(20000, tokenBudget(steps.get("a@0").getString("taskId")));
    assertEquals("cancelled", steps.get("b@0").getString("status"), steps.toString());
    assertFalse(steps.get("b@0").containsKey("taskId"), steps.toString());
    assertEquals(1, events(id, "goal.step.started").size());
    assertEquals(1, events(id, "goal.planner.started").size(), "no synthesis");
    var tasks =
        SharedServer.api().get("/api/v1/tasks?agent=" + second + "&limit=200", ADMIN).json();
    assertTrue(tasks.getJsonArray("items").isEmpty(), tasks.toString());
    var statuses = events(id, "status");
    var last = statuses.get(statuses.size() - 1);
    assertEquals("failed", last.getString("status"));
    assertEquals(failed.getString("error"), last.getString("error"));
  }

  /**
   * A goal's usage counts the tasks its steps start by delegation too: the step's two model calls,
   * its child's one, the plan and the synthesis.
   */
  @Test
  void theGoalsUsageIncludesTasksItsStepsDelegatedTo() throws Exception {
    var helper = agent("h", "[" + turn("the detail", 1000, 100) + "]", "");
    var delegating =
        agent(
            "d",
            "[{\"toolCalls\":[{\"name\":\""
                + helper
                + "\",\"arguments\":{\"input\":\"find the detail\"}}],"
                + "\"promptTokens\":100,\"completionTokens\":10},"
                + turn("the step with the detail", 200, 20)
                + "]",
            ",\"delegates\":[\"" + helper + "\"]");
    var planner =
        agent(
            "plan",
            "[" + turn(plan(step("a", delegating)), 50, 5) + "," + turn("the result", 60, 6) + "]",
            "");

    var id = goal(planner, "");
    var done = awaitGoal(id, "completed");

    assertEquals("the step with the detail", steps(done).get("a@0").getString("output"));
    var children =
        SharedServer.api().get("/api/v1/tasks?agent=" + helper + "&limit=200", ADMIN).json();
    assertEquals(1, children.getJsonArray("items").size(), children.toString());
    var child = task(children.getJsonArray("items").getJsonObject(0).getString("taskId"));
    assertEquals(steps(done).get("a@0").getString("taskId"), child.getString("parentTaskId"));
    var usage = done.getJsonObject("usage");
    assertEquals(5, usage.getInt("modelCalls"), "plan, the step's two calls, its child, synthesis");
    assertEquals(50 + 100 + 200 + 1000 + 60, usage.getInt("promptTokens"), usage.toString());
    assertEquals(5 + 10 + 20 + 100 + 6, usage.getInt("completionTokens"), usage.toString());
    var planners =
        events(id, "goal.planner.started").stream().map(d -> d.getString("taskId")).toList();
    var cost = java.math.BigDecimal.ZERO;
    for (var taskId :
        List.of(
            planners.get(0),
            planners.get(1),
            steps(done).get("a@0").getString("taskId"),
            child.getString("taskId"))) {
      cost =
          cost.add(task(taskId).getJsonObject("usage").getJsonNumber("costUsd").bigDecimalValue());
    }
    assertEquals(
        0, cost.compareTo(usage.getJsonNumber("costUsd").bigDecimalValue()), usage.toString());
  }

  @Test
  void badInputIsRefusedWithStableCodes() throws Exception {
    var missing = submit("{\"goal\":\"x\",\"planner\":\"ghost-" + shortId() + "\"}");
    assertEquals(422, missing.status(), missing.body());
    assertEquals("AGENT_NOT_FOUND", missing.json().getString("code"));

    var planner = agent("plan", texts("{}"), "");
    var noGoal = submit("{\"planner\":\"" + planner + "\"}");
    assertEquals(400, noGoal.status(), noGoal.body());
    assertEquals("VALIDATION_FAILED", noGoal.json().getString("code"));

    var badPriority = submit("{\"goal\":\"x\",\"planner\":\"" + planner + "\",\"priority\":12}");
    assertEquals(400, badPriority.status(), badPriority.body());

    var unknownAgent =
        submit("{\"goal\":\"x\",\"planner\":\"" + planner + "\",\"agents\":[\"ghost-1\"]}");
    assertEquals(422, unknownAgent.status(), unknownAgent.body());
    assertEquals("AGENT_NOT_FOUND", unknownAgent.json().getString("code"));

    var unknown = SharedServer.api().get("/api/v1/goals/no-such-goal", ADMIN);
    assertEquals(404, unknown.status());
    assertEquals("GOAL_NOT_FOUND", unknown.json().getString("code"));

    var badStatus = SharedServer.api().get("/api/v1/goals?status=sleeping", ADMIN);
    assertEquals(400, badStatus.status());
  }
}
