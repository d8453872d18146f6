package org.agentry.server;

import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Workflows on the shared server with scripted agents: each node kind (pipeline with templates,
 * parallel, loop by judge and by count, branch by field and by classifier, forum), failure of a
 * step failing the run with its path, cancel cascading to the steps' tasks, definitions refused
 * with the path of the bad node, and ETag conflicts.
 */
class WorkflowsIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  /** An agent answering {@code text} (after {@code delayMs}) on a new scripted provider. */
  private static String agent(String prefix, String text, long delayMs) throws Exception {
    var name = prefix + "-" + shortId();
    var turns = "[{\"text\":\"" + text + "\",\"delayMs\":" + delayMs + "}]";
    var created =
        SharedServer.api()
            .post(
                "/api/v1/agents", ADMIN, JSON, agentJson(name, scriptedProvider(turns), "[]", ""));
    assertEquals(201, created.status(), created.body());
    return name;
  }

  private static String agent(String prefix, String text) throws Exception {
    return agent(prefix, text, 0);
  }

  private static Api.Reply define(String name, String root) throws Exception {
    return SharedServer.api()
        .post(
            "/api/v1/workflows",
            ADMIN,
            JSON,
            "{\"name\":\"" + name + "\",\"definition\":{\"root\":" + root + "}}");
  }

  /** Defines a workflow and starts a run of it; the run's id. */
  private static String run(String root, String input) throws Exception {
    var name = "wf-" + shortId();
    var defined = define(name, root);
    assertEquals(201, defined.status(), defined.body());
    var started =
        SharedServer.api()
            .post(
                "/api/v1/workflows/" + name + "/runs",
                ADMIN,
                JSON,
                jakarta.json.Json.createObjectBuilder().add("input", input).build().toString());
    assertEquals(202, started.status(), started.body());
    var id = started.json().getString("id");
    assertEquals(
        "/api/v1/workflow-runs/" + id,
        java.net
            .URI
            .create(started.raw().headers().firstValue("Location").orElseThrow())
            .getPath());
    return id;
  }

  static JsonObject awaitRun(String id, String status) throws Exception {
    var deadline = Instant.now().plusSeconds(90);
    JsonObject run = null;
    while (Instant.now().isBefore(deadline)) {
      run = SharedServer.api().get("/api/v1/workflow-runs/" + id, ADMIN).json();
      if (status.equals(run.getString("status"))) {
        return run;
      }
      if (!"running".equals(run.getString("status"))) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run never became " + status + ": " + run);
  }

  /** The run's nodes by path. */
  private static Map<String, JsonObject> nodes(JsonObject run) {
    var nodes = new TreeMap<String, JsonObject>();
    run.getJsonArray("nodes")
        .forEach(n -> nodes.put(n.asJsonObject().getString("path"), n.asJsonObject()));
    return nodes;
  }

  private static JsonObject task(JsonObject node) throws Exception {
    return SharedServer.api().get("/api/v1/tasks/" + node.getString("taskId"), ADMIN).json();
  }

  private static String step(String agent, String input) {
    return "{\"kind\":\"agent\",\"agent\":\"" + agent + "\",\"input\":\"" + input + "\"}";
  }

  @Test
  void aPipelineOfAParallelHandsOutputsOnAndTemplatesNameNodes() throws Exception {
    var a = agent("a", "facts");
    var b = agent("b", "pro");
    var c = agent("c", "con");
    var d = agent("d", "summary");
    var root =
        "{\"kind\":\"pipeline\",\"steps\":["
            + "{\"kind\":\"agent\",\"id\":\"research\",\"agent\":\""
            + a
            + "\",\"input\":\"Research: {{input}}\"},"
            + "{\"kind\":\"parallel\",\"branches\":["
            + step(b, "{{input}}")
            + ","
            + step(c, "{{input}}")
            + "]},"
            + step(d, "{{input}} / {{nodes.research.output}}")
            + "]}";

    var done = awaitRun(run(root, "tides"), "completed");

    assertEquals("summary", done.getString("output"));
    var nodes = nodes(done);
    assertEquals(
        List.of(
            "$.root",
            "$.root.steps[0]",
            "$.root.steps[1]",
            "$.root.steps[1].branches[0]",
            "$.root.steps[1].branches[1]",
            "$.root.steps[2]"),
        List.copyOf(nodes.keySet()));
    nodes.values().forEach(n -> assertEquals("completed", n.getString("status"), n.toString()));
    assertEquals("Research: tides", task(nodes.get("$.root.steps[0]")).getString("input"));
    assertEquals("facts", task(nodes.get("$.root.steps[1].branches[1]")).getString("input"));
    assertEquals("[\"pro\",\"con\"]", nodes.get("$.root.steps[1]").getString("output"));
    assertEquals(
        "[\"pro\",\"con\"] / facts", task(nodes.get("$.root.steps[2]")).getString("input"));
    assertEquals("research", nodes.get("$.root.steps[0]").getString("id"));
    var events =
        SharedServer.api()
            .get("/api/v1/workflow-runs/" + done.getString("id") + "/events?limit=200", ADMIN)
            .structure()
            .asJsonArray();
    var completedTasks =
        events.stream()
            .map(e -> e.asJsonObject())
            .filter(e -> "completed".equals(e.getJsonObject("data").getString("status", "")))
            .map(e -> e.getString("taskId"))
            .collect(java.util.stream.Collectors.toSet());
    assertEquals(5, completedTasks.size(), "each step's task's end and the run's: " + events);
    assertTrue(completedTasks.contains(done.getString("id")), "the run's own end: " + events);
    long previous = 0;
    for (var event : events) {
      assertTrue(event.asJsonObject().getJsonNumber("id").longValue() > previous, "in id order");
      previous = event.asJsonObject().getJsonNumber("id").longValue();
    }
  }

  @Test
  void loopsStopWhenTheJudgeSaysDoneOrAtMaxIterations() throws Exception {
    var writer = agent("w", "draft");
    var judge = agent("j", "done");
    var root =
        "{\"kind\":\"pipeline\",\"steps\":["
            + "{\"kind\":\"loop\",\"body\":"
            + step(writer, "{{input}}")
            + ",\"until\":{\"judge\":\""
            + judge
            + "\"},\"maxIterations\":5},"
            + "{\"kind\":\"loop\",\"body\":"
            + step(writer, "again {{input}}")
            + ",\"until\":{\"regex\":\"never\"},\"maxIterations\":3}"
            + "]}";

    var done = awaitRun(run(root, "write"), "completed");

    var nodes = nodes(done);
    assertTrue(nodes.containsKey("$.root.steps[0].body@0"), nodes.keySet().toString());
    assertTrue(nodes.containsKey("$.root.steps[0].until@0"), nodes.keySet().toString());
    assertTrue(!nodes.containsKey("$.root.steps[0].body@1"), "the judge said done");
    assertEquals("judge", nodes.get("$.root.steps[0].until@0").getString("kind"));
    for (int i = 0; i < 3; i++) {
      var body = nodes.get("$.root.steps[1].body@" + i);
      assertNotNull(body, nodes.keySet().toString());
      assertEquals(i, body.getInt("iteration"));
    }
    assertTrue(!nodes.containsKey("$.root.steps[1].body@3"));
    assertEquals("draft", done.getString("output"));
  }

  @Test
  void branchesRouteOnAFieldAndOnAClassifiersLabel() throws Exception {
    var refunds = agent("r", "refunded");
    var other = agent("o", "other");
    var classifier = agent("k", "Billing");
    var billing = agent("bl", "billed");
    var root =
        "{\"kind\":\"pipeline\",\"steps\":["
            + "{\"kind\":\"branch\",\"on\":{\"field\":\"$.topic\"},\"cases\":{\"refund\":"
            + step(refunds, "{{input}}")
            + "},\"default\":"
            + step(other, "{{input}}")
            + "},"
            + "{\"kind\":\"branch\",\"on\":{\"classifier\":\""
            + classifier
            + "\"},\"cases\":{\"billing\":"
            + step(billing, "{{input}}")
            + ",\"refund\":"
            + step(refunds, "{{input}}")
            + "},\"default\":"
            + step(other, "{{input}}")
            + "}"
            + "]}";

    var done = awaitRun(run(root, "{\"topic\":\"refund\"}"), "completed");

    var nodes = nodes(done);
    assertEquals(refunds, nodes.get("$.root.steps[0].cases.refund").getString("agent"));
    assertEquals("classifier", nodes.get("$.root.steps[1].on").getString("kind"));
    assertEquals("refunded", task(nodes.get("$.root.steps[1].on")).getString("input"));
    assertTrue(nodes.containsKey("$.root.steps[1].cases.billing"), nodes.keySet().toString());
    assertTrue(!nodes.containsKey("$.root.steps[0].default"));
    assertEquals("billed", done.getString("output"));
  }

  @Test
  void aForumShowsEachParticipantTheOthersContributionsAndTheModeratorConcludes() throws Exception {
    var p = agent("p", "tabs");
    var q = agent("q", "spaces");
    var moderator = agent("m", "tabs win");
    var root =
        "{\"kind\":\"forum\",\"participants\":[\""
            + p
            + "\",\""
            + q
            + "\"],\"rounds\":2,\"moderator\":\""
            + moderator
            + "\"}";

    var done = awaitRun(run(root, "tabs or spaces?"), "completed");

    assertEquals("tabs win", done.getString("output"));
    var nodes = nodes(done);
    assertEquals(
        6, nodes.size(), nodes.keySet().toString()); // forum, 2 × 2 contributions, moderator
    var second = task(nodes.get("$.root.rounds[1].participants[0]")).getString("input");
    assertTrue(second.startsWith("tabs or spaces?"), second);
    assertTrue(second.contains("[" + q + "]: spaces"), second);
    assertTrue(!second.contains("[" + p + "]:"), second);
    var conclusion = task(nodes.get("$.root.moderator")).getString("input");
    assertTrue(conclusion.contains("Round 2:\n[" + p + "]: tabs\n[" + q + "]: spaces"), conclusion);
  }

  @Test
  void aFailedStepFailsTheRunNamingTheStep() throws Exception {
    var failing = "f-" + shortId();
    var created =
        SharedServer.api()
            .post(
                "/api/v1/agents",
                ADMIN,
                JSON,
                agentJson(
                    failing,
                    scriptedProvider(
                        "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}]}]"),
                    "[\"current_time\"]",
                    ",\"limits\":{\"maxIterations\":1}"));
    assertEquals(201, created.status(), created.body());
    var fine = agent("ok", "fine");
    var root =
        "{\"kind\":\"pipeline\",\"steps\":["
            + step(failing, "{{input}}")
            + ","
            + step(fine, "{{input}}")
            + "]}";

    var failed = awaitRun(run(root, "try"), "failed");

    assertTrue(
        failed.getString("error").startsWith("$.root.steps[0]: " + failing + " task "),
        failed.toString());
    var nodes = nodes(failed);
    assertEquals("failed", nodes.get("$.root.steps[0]").getString("status"));
    assertEquals("failed", nodes.get("$.root").getString("status"));
    assertTrue(!nodes.containsKey("$.root.steps[1]"), "the next step never started");
  }

  @Test
  void cancellingARunCancelsItsActiveSteps() throws Exception {
    var slow = agent("s", "late", 4000);
    var root =
        "{\"kind\":\"parallel\",\"branches\":["
            + step(slow, "one")
            + ","
            + step(slow, "two")
            + "]}";
    var id = run(root, "go");

    var cancelled =
        SharedServer.api().post("/api/v1/workflow-runs/" + id + "/cancel", ADMIN, JSON, "");
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("cancelled", cancelled.json().getString("status"));

    var nodes = nodes(awaitRun(id, "cancelled"));
    for (var path : List.of("$.root.branches[0]", "$.root.branches[1]")) {
      assertEquals("cancelled", nodes.get(path).getString("status"));
      awaitStatus(nodes.get(path).getString("taskId"), "cancelled");
    }
    var again = SharedServer.api().post("/api/v1/workflow-runs/" + id + "/cancel", ADMIN, JSON, "");
    assertEquals(409, again.status(), again.body());
    assertTrue(again.body().contains("\"code\":\"WORKFLOW_RUN_FINISHED\""), again.body());
    Thread.sleep(4500); // the steps' model calls return: the run stays cancelled
    assertEquals("cancelled", awaitRun(id, "cancelled").getString("status"));
  }

  @Test
  void badDefinitionsAreRefusedWithThePathOfTheBadNode() throws Exception {
    var a = agent("a", "x");
    var cases =
        Map.of(
            "{\"kind\":\"pipeline\",\"steps\":["
                + step(a, "x")
                + ","
                + step(a, "x")
                + ","
                + step("nobody-" + shortId(), "x")
                + "]}",
            "$.root.steps[2]",
            "{\"kind\":\"branch\",\"on\":{\"regex\":\"x\"},\"cases\":{\"x\":" + step(a, "x") + "}}",
            "$.root",
            "{\"kind\":\"loop\",\"body\":" + step(a, "x") + ",\"maxIterations\":1000}",
            "$.root.maxIterations",
            "{\"kind\":\"parallel\",\"branches\":[]}",
            "$.root.branches",
            "{\"kind\":\"agent\",\"id\":\"me\",\"agent\":\""
                + a
                + "\",\"input\":\"{{nodes.me.output}}\"}",
            "$.root");
    for (var entry : cases.entrySet()) {
      var name = "bad-" + shortId();
      var refused = define(name, entry.getKey());
      assertEquals(422, refused.status(), refused.body());
      assertTrue(refused.contentType().startsWith("application/problem+json"));
      var problem = refused.json();
      assertEquals("WORKFLOW_INVALID", problem.getString("code"));
      assertEquals(entry.getValue(), problem.getString("path"), problem.toString());
      assertEquals(404, SharedServer.api().get("/api/v1/workflows/" + name, ADMIN).status());
    }
  }

  @Test
  void replacingNeedsTheCurrentEtag() throws Exception {
    var a = agent("a", "x");
    var name = "wf-" + shortId();
    var created = define(name, step(a, "v1"));
    assertEquals(201, created.status(), created.body());
    var etag = created.raw().headers().firstValue("ETag").orElseThrow();
    var body = "{\"description\":\"second\",\"definition\":{\"root\":" + step(a, "v2") + "}}";

    assertEquals(428, put(name, null, body).status());
    var replaced = put(name, etag, body);
    assertEquals(200, replaced.status(), replaced.body());
    var stale = put(name, etag, body);
    assertEquals(412, stale.status(), stale.body());
    assertTrue(stale.body().contains("PRECONDITION_FAILED"));
    var read = SharedServer.api().get("/api/v1/workflows/" + name, ADMIN);
    assertEquals(
        replaced.raw().headers().firstValue("ETag").orElseThrow(),
        read.raw().headers().firstValue("ETag").orElseThrow());
    assertEquals("second", read.json().getString("description"));
    assertEquals(409, define(name, step(a, "v3")).status());
    assertEquals(204, SharedServer.api().delete("/api/v1/workflows/" + name, ADMIN).status());
    assertEquals(404, SharedServer.api().get("/api/v1/workflows/" + name, ADMIN).status());
  }

  @Test
  void runsAreListedByWorkflowAndStatus() throws Exception {
    var a = agent("a", "x");
    var id = run(step(a, "{{input}}"), "in");
    awaitRun(id, "completed");
    var workflow =
        SharedServer.api().get("/api/v1/workflow-runs/" + id, ADMIN).json().getString("workflow");

    var page =
        SharedServer.api()
            .get("/api/v1/workflow-runs?workflow=" + workflow + "&status=completed", ADMIN)
            .json();
    assertEquals(1, page.getJsonArray("items").size(), page.toString());
    assertEquals(id, page.getJsonArray("items").getJsonObject(0).getString("id"));
    var none =
        SharedServer.api()
            .get("/api/v1/workflow-runs?workflow=" + workflow + "&status=failed", ADMIN)
            .json();
    assertEquals(0, none.getJsonArray("items").size());
    assertEquals(400, SharedServer.api().get("/api/v1/workflow-runs?status=zzz", ADMIN).status());
    assertEquals(
        404,
        SharedServer.api()
            .get("/api/v1/workflow-runs/" + java.util.UUID.randomUUID(), ADMIN)
            .status());
    var noInput =
        SharedServer.api()
            .post("/api/v1/workflows/" + workflow + "/runs", ADMIN, JSON, "{\"input\":\" \"}");
    assertEquals(400, noInput.status(), noInput.body());
  }

  @Test
  void aRunsPriorityIsItsStepTasksPriority() throws Exception {
    var worker = agent("p", "prioritized");
    var name = "wf-" + shortId();
    assertEquals(201, define(name, step(worker, "go")).status());
    var badPriority =
        SharedServer.api()
            .post(
                "/api/v1/workflows/" + name + "/runs",
                ADMIN,
                JSON,
                "{\"input\":\"x\",\"priority\":10}");
    assertEquals(400, badPriority.status(), badPriority.body());
    assertTrue(badPriority.body().contains("VALIDATION_FAILED"), badPriority.body());

    var started =
        SharedServer.api()
            .post(
                "/api/v1/workflows/" + name + "/runs",
                ADMIN,
                JSON,
                "{\"input\":\"x\",\"priority\":8}");
    assertEquals(202, started.status(), started.body());
    assertEquals(8, started.json().getInt("priority"));
    var done = awaitRun(started.json().getString("id"), "completed");
    var taskId = done.getJsonArray("nodes").getJsonObject(0).getString("taskId");
    var task = SharedServer.api().get("/api/v1/tasks/" + taskId, ADMIN).json();
    assertEquals(8, task.getInt("priority"), task.toString());
    var runs = SharedServer.api().get("/api/v1/workflow-runs?workflow=" + name, ADMIN).json();
    assertEquals(1, runs.getJsonArray("items").size(), "the refused run was not created");
  }

  @Test
  void theStreamSendsTheEventsOfStepsStartedAfterItOpened() throws Exception {
    var first = agent("s1", "one", 1500);
    var second = agent("s2", "two");
    var id =
        run(
            "{\"kind\":\"pipeline\",\"steps\":["
                + step(first, "{{input}}")
                + ","
                + step(second, "{{input}}")
                + "]}",
            "go");
    var request =
        SharedServer.api()
            .request("/api/v1/workflow-runs/" + id + "/stream", ADMIN)
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, response.statusCode());
    var completions = 0;
    var lines = response.body().iterator();
    var deadline = Instant.now().plusSeconds(60);
    while (completions < 2 && Instant.now().isBefore(deadline) && lines.hasNext()) {
      var line = lines.next();
      if (line.startsWith("data:")) {
        var event =
            jakarta.json.Json.createReader(new java.io.StringReader(line.substring(5)))
                .readObject();
        if ("completed".equals(event.getString("status", ""))) {
          completions++;
        }
      }
    }
    response.body().close();
    assertEquals(2, completions, "both steps' ends, the second's task started after the stream");
  }

  /**
   * The run's stream, read to its end; fails if it stays open past a minute (a request's timeout
   * covers only the wait for the headers, not the body).
   */
  private static String streamToTheEnd(String id) throws Exception {
    var request =
        SharedServer.api()
            .request("/api/v1/workflow-runs/" + id + "/stream", ADMIN)
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    var pending =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build()
            .sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    try {
      var response = pending.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(200, response.statusCode(), response.body());
      return response.body();
    } catch (java.util.concurrent.TimeoutException e) {
      pending.cancel(true);
      throw new AssertionError("the run's stream stayed open for a minute", e);
    }
  }

  /** The {@code data:} objects of the events of one type in a stream's text, in order. */
  private static List<JsonObject> sent(String body, String type) {
    var events = new java.util.ArrayList<JsonObject>();
    String name = null;
    for (var line : body.split("\n")) {
      if (line.startsWith("event:")) {
        name = line.substring(6).trim();
      } else if (line.startsWith("data:") && type.equals(name)) {
        events.add(
            jakarta.json.Json.createReader(new java.io.StringReader(line.substring(5)))
                .readObject());
      }
    }
    return events;
  }

  /**
   * A run's stream closes once the run has ended, after its last event: the run's own terminal
   * {@code status} event (under the run's id), sent after its steps' ends; opened after the end it
   * replays and closes.
   */
  @Test
  void theStreamClosesAfterTheRunsEnd() throws Exception {
    var first = agent("c1", "one", 1000);
    var second = agent("c2", "two");
    var id =
        run(
            "{\"kind\":\"pipeline\",\"steps\":["
                + step(first, "{{input}}")
                + ","
                + step(second, "{{input}}")
                + "]}",
            "go");

    var live = streamToTheEnd(id);

    var statuses = sent(live, "status");
    var last = statuses.get(statuses.size() - 1);
    assertEquals("completed", last.getString("status"), live);
    assertEquals(id, last.getString("runId"), live);
    assertEquals(
        3, statuses.stream().filter(s -> "completed".equals(s.getString("status"))).count(), live);
    assertEquals("completed", awaitRun(id, "completed").getString("status"));
    var replayed = streamToTheEnd(id);
    assertEquals(statuses, sent(replayed, "status"), "the same events, replayed");
    var events =
        (jakarta.json.JsonArray)
            SharedServer.api().get("/api/v1/workflow-runs/" + id + "/events", ADMIN).structure();
    var own = events.getJsonObject(events.size() - 1);
    assertEquals(id, own.getString("taskId"), events.toString());
    assertEquals("status", own.getString("type"));
  }

  /**
   * A cancelled run's stream closes after the cancelled status of each of its steps' tasks, which
   * are cancelled after the run's own end.
   */
  @Test
  void aCancelledRunsStreamClosesAfterItsStepsEnded() throws Exception {
    var slow = agent("cs", "late", 4000);
    var id =
        run(
            "{\"kind\":\"parallel\",\"branches\":["
                + step(slow, "one")
                + ","
                + step(slow, "two")
                + "]}",
            "go");
    var body = cancelWhileStreaming(id);

    var statuses = sent(body, "status");
    assertEquals(
        3, statuses.stream().filter(s -> "cancelled".equals(s.getString("status"))).count(), body);
    assertTrue(
        statuses.stream()
            .anyMatch(s -> "cancelled".equals(s.getString("status")) && s.containsKey("runId")),
        body);
  }

  /** Opens the run's stream, cancels the run while it is open, and returns all it sent. */
  private static String cancelWhileStreaming(String id) throws Exception {
    var stream =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return streamToTheEnd(id);
              } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    Thread.sleep(500);
    var cancelled =
        SharedServer.api().post("/api/v1/workflow-runs/" + id + "/cancel", ADMIN, JSON, "");
    assertEquals(200, cancelled.status(), cancelled.body());
    return stream.get(70, java.util.concurrent.TimeUnit.SECONDS);
  }

  /**
   * A state-machine run waiting for an event has no task to end: cancelled, its stream closes after
   * the run's own cancelled event.
   */
  @Test
  void aWaitingStateMachinesStreamClosesWhenItIsCancelled() throws Exception {
    var name = "smc-" + shortId();
    var created =
        SharedServer.api()
            .post(
                "/api/v1/workflows",
                ADMIN,
                JSON,
                "{\"name\":\""
                    + name
                    + "\",\"definition\":{\"kind\":\"stateMachine\",\"initial\":\"signoff\","
                    + "\"states\":{\"signoff\":{\"wait\":true,\"on\":{\"approved\":\"done\"}},"
                    + "\"done\":{\"final\":\"completed\"}}}}");
    assertEquals(201, created.status(), created.body());
    var started =
        SharedServer.api()
            .post("/api/v1/workflows/" + name + "/runs", ADMIN, JSON, "{\"input\":\"x\"}");
    assertEquals(202, started.status(), started.body());
    var id = started.json().getString("id");
    awaitState(id, "signoff");

    var body = cancelWhileStreaming(id);
    var statuses = sent(body, "status");
    assertEquals(1, statuses.size(), body);
    assertEquals(id, statuses.get(0).getString("runId"));
    assertEquals("cancelled", statuses.get(0).getString("status"));
  }

  @Test
  void aStateMachineIsDrivenByOutcomesLabelsAndEvents() throws Exception {
    var writer = agent("wr", "a draft");
    var reviewer = agent("rv", "I APPROVE this");
    var machine =
        "{\"kind\":\"stateMachine\",\"initial\":\"draft\",\"states\":{"
            + "\"draft\":{\"agent\":\""
            + writer
            + "\",\"input\":\"Write: {{input}}\",\"on\":{\"completed\":\"signoff\"}},"
            + "\"signoff\":{\"wait\":true,\"on\":{\"approved\":\"review\",\"rejected\":\"draft\"}},"
            + "\"review\":{\"agent\":\""
            + reviewer
            + "\",\"on\":{\"approve\":\"done\",\"completed\":\"draft\"}},"
            + "\"done\":{\"final\":\"completed\"}}}";
    var name = "sm-" + shortId();
    var created =
        SharedServer.api()
            .post(
                "/api/v1/workflows",
                ADMIN,
                JSON,
                "{\"name\":\"" + name + "\",\"definition\":" + machine + "}");
    assertEquals(201, created.status(), created.body());
    var started =
        SharedServer.api()
            .post("/api/v1/workflows/" + name + "/runs", ADMIN, JSON, "{\"input\":\"a poem\"}");
    assertEquals(202, started.status(), started.body());
    var id = started.json().getString("id");

    awaitState(id, "signoff");
    var early = event(id, "{\"type\":\"published\"}");
    assertEquals(409, early.status(), early.body());
    assertTrue(early.body().contains("WORKFLOW_NOT_WAITING"), early.body());
    assertEquals(200, event(id, "{\"type\":\"rejected\",\"payload\":\"more rhyme\"}").status());
    awaitState(id, "signoff");
    var approved = event(id, "{\"type\":\"approved\",\"payload\":{\"by\":\"ada\"}}");
    assertEquals(200, approved.status(), approved.body());

    var done = awaitRun(id, "completed");
    assertEquals("done", done.getString("state"));
    assertEquals("I APPROVE this", done.getString("output"));
    var history =
        done.getJsonArray("nodes").stream()
            .map(n -> n.asJsonObject())
            .sorted(java.util.Comparator.comparingInt(n -> n.getInt("iteration")))
            .map(n -> n.getString("path"))
            .toList();
    assertEquals(
        List.of(
            "$.states.draft@0",
            "$.states.signoff@1",
            "$.states.draft@2",
            "$.states.signoff@3",
            "$.states.review@4",
            "$.states.done@5"),
        history);
    var nodes = nodes(done);
    assertEquals("Write: a poem", task(nodes.get("$.states.draft@0")).getString("input"));
    assertEquals("Write: more rhyme", task(nodes.get("$.states.draft@2")).getString("input"));
    assertEquals("{\"by\":\"ada\"}", task(nodes.get("$.states.review@4")).getString("input"));
    assertEquals(409, event(id, "{\"type\":\"approved\"}").status());
  }

  /**
   * A sensor event starts a run of a workflow once (the same event again starts nothing) and sends
   * an event to a state-machine run waiting for it.
   */
  @Test
  void sensorEventsStartARunOnceAndDriveAWaitingOne() throws Exception {
    var handler = agent("sh", "handled");
    var name = "sw-" + shortId();
    assertEquals(201, define(name, step(handler, "Handle: {{input}}")).status());
    var sensor = "ci-" + shortId();
    var body =
        "{\"sensorId\":\""
            + sensor
            + "\",\"dedupeKey\":\"build-7\",\"payload\":\"build 7 failed\","
            + "\"workflow\":{\"name\":\""
            + name
            + "\"}}";
    var first = SharedServer.api().post("/api/v1/sensors/events", ADMIN, JSON, body);
    assertEquals(201, first.status(), first.body());
    var runId = first.json().getString("workflowRunId");
    var again = SharedServer.api().post("/api/v1/sensors/events", ADMIN, JSON, body);
    assertEquals(200, again.status(), again.body());
    assertEquals(runId, again.json().getString("workflowRunId"));
    var done = awaitRun(runId, "completed");
    assertEquals("handled", done.getString("output"));
    assertEquals(
        "Handle: build 7 failed", task(nodes(done).get("$.root")).getString("input"), "payload");
    var runs = SharedServer.api().get("/api/v1/workflow-runs?workflow=" + name, ADMIN).json();
    assertEquals(1, runs.getJsonArray("items").size(), runs.toString());

    var reviewer = agent("sr", "reviewed");
    var machine = "sm-" + shortId();
    var created =
        SharedServer.api()
            .post(
                "/api/v1/workflows",
                ADMIN,
                JSON,
                "{\"name\":\""
                    + machine
                    + "\",\"definition\":{\"kind\":\"stateMachine\",\"initial\":\"signoff\","
                    + "\"states\":{\"signoff\":{\"wait\":true,\"on\":{\"approved\":\"review\"}},"
                    + "\"review\":{\"agent\":\""
                    + reviewer
                    + "\",\"on\":{\"completed\":\"done\"}},\"done\":{\"final\":\"completed\"}}}}");
    assertEquals(201, created.status(), created.body());
    var started =
        SharedServer.api()
            .post("/api/v1/workflows/" + machine + "/runs", ADMIN, JSON, "{\"input\":\"v2\"}");
    assertEquals(202, started.status(), started.body());
    var waiting = started.json().getString("id");
    awaitState(waiting, "signoff");
    var signal =
        "{\"sensorId\":\""
            + sensor
            + "\",\"dedupeKey\":\"approval-1\",\"payload\":\"ship v2\","
            + "\"workflowEvent\":{\"runId\":\""
            + waiting
            + "\",\"type\":\"approved\"}}";
    var signalled = SharedServer.api().post("/api/v1/sensors/events", ADMIN, JSON, signal);
    assertEquals(201, signalled.status(), signalled.body());
    assertEquals(waiting, signalled.json().getString("workflowRunId"));
    var reviewed = awaitRun(waiting, "completed");
    assertEquals("reviewed", reviewed.getString("output"));
    assertEquals(
        "ship v2", task(nodes(reviewed).get("$.states.review@1")).getString("input"), "payload");
    assertEquals(
        200, SharedServer.api().post("/api/v1/sensors/events", ADMIN, JSON, signal).status());

    var both =
        SharedServer.api()
            .post(
                "/api/v1/sensors/events",
                ADMIN,
                JSON,
                "{\"sensorId\":\""
                    + sensor
                    + "\",\"dedupeKey\":\"both\",\"task\":{\"agent\":\""
                    + handler
                    + "\",\"input\":\"x\"},\"workflow\":{\"name\":\""
                    + name
                    + "\"}}");
    assertEquals(400, both.status(), both.body());
    assertTrue(both.body().contains("VALIDATION_FAILED"), both.body());
  }

  private static Api.Reply event(String runId, String body) throws Exception {
    return SharedServer.api().post("/api/v1/workflow-runs/" + runId + "/events", ADMIN, JSON, body);
  }

  private static void awaitState(String runId, String state) throws Exception {
    var deadline = Instant.now().plusSeconds(60);
    JsonObject run = null;
    while (Instant.now().isBefore(deadline)) {
      run = SharedServer.api().get("/api/v1/workflow-runs/" + runId, ADMIN).json();
      if (state.equals(run.getString("state", null))
          && run.getJsonArray("nodes").stream()
              .anyMatch(
                  n ->
                      n.asJsonObject().getString("kind").equals("wait")
                          && n.asJsonObject().getString("status").equals("running"))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run never waited in " + state + ": " + run);
  }

  private static Api.Reply put(String name, String etag, String body) throws Exception {
    var request =
        SharedServer.api()
            .request("/api/v1/workflows/" + name, ADMIN)
            .header("Content-Type", JSON)
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (etag != null) {
      request.header("If-Match", etag);
    }
    return SharedServer.api().send(request);
  }
}
