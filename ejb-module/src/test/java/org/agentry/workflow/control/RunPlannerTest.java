package org.agentry.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.agentry.platform.entity.Jsons;
import org.agentry.workflow.control.RunPlanner.Known;
import org.agentry.workflow.entity.WorkflowStatus;
import org.junit.jupiter.api.Test;

class RunPlannerTest {

  /** A run driven by hand: what the engine does with the database, in maps. */
  private static final class Run {
    final Node root;
    final String input;
    final Map<String, Known> known = new HashMap<>();
    final Map<String, String> latest = new HashMap<>();
    final Map<String, RunPlanner.Start> steps = new HashMap<>();
    final List<List<RunPlanner.Start>> waves = new ArrayList<>();

    Run(String definition, String input) {
      this.root =
          DefinitionReader.read(
              Jsons.createReader(definition.replace('\'', '"')).readValue(), a -> true);
      this.input = input;
    }

    RunPlanner.Plan plan() {
      var plan = RunPlanner.plan(root, input, known, latest);
      for (var change : plan.changes()) {
        if (change instanceof RunPlanner.Reached) {
          known.put(change.path(), new Known(WorkflowStatus.RUNNING, null, null));
        } else if (change instanceof RunPlanner.Completed c) {
          known.put(c.path(), new Known(WorkflowStatus.COMPLETED, c.output(), null));
        } else {
          known.put(
              change.path(),
              new Known(WorkflowStatus.FAILED, null, ((RunPlanner.Ended) change).error()));
        }
      }
      for (var start : plan.starts()) {
        known.put(start.path(), new Known(WorkflowStatus.RUNNING, null, null));
        steps.put(start.path(), start);
      }
      if (!plan.starts().isEmpty()) {
        waves.add(plan.starts());
      }
      return plan;
    }

    /** Runs to the end, each wave's steps answering with {@code answer}. */
    RunPlanner.Result finish(Function<RunPlanner.Start, String> answer) {
      var plan = plan();
      for (int guard = 0; plan.root() instanceof RunPlanner.Pending && guard < 100; guard++) {
        var running = List.copyOf(waves.get(waves.size() - 1));
        for (var step : running) {
          complete(step, answer.apply(step));
        }
        plan = plan();
      }
      return plan.root();
    }

    void complete(RunPlanner.Start step, String output) {
      known.put(step.path(), new Known(WorkflowStatus.COMPLETED, output, null));
      if (step.nodeId() != null) {
        latest.put(step.nodeId(), output);
      }
    }
  }

  private static String echo(RunPlanner.Start step) {
    return step.agent() + "(" + step.input() + ")";
  }

  private static String agent(String name) {
    return "{'kind':'agent','agent':'" + name + "'}";
  }

  @Test
  void aPipelineHandsEachOutputToTheNextStep() {
    var run =
        new Run(
            "{'root':{'kind':'pipeline','steps':["
                + agent("a")
                + ",{'kind':'agent','agent':'b','input':'B got {{input}}'}]}}",
            "x");
    var result = run.finish(RunPlannerTest::echo);
    assertEquals(new RunPlanner.Done("b(B got a(x))"), result);
    assertEquals(2, run.waves.size(), "one step at a time");
  }

  @Test
  void aParallelStartsAllBranchesAtOnceAndJoinsTheirOutputsAsAJsonList() {
    var run =
        new Run(
            "{'root':{'kind':'parallel','branches':[" + agent("a") + "," + agent("b") + "]}}", "x");
    var result = run.finish(RunPlannerTest::echo);
    assertEquals(1, run.waves.size());
    assertEquals(2, run.waves.get(0).size());
    assertEquals(new RunPlanner.Done("[\"a(x)\",\"b(x)\"]"), result);
  }

  @Test
  void planningAgainWithTheSameKnowledgeStartsNothing() {
    var run =
        new Run(
            "{'root':{'kind':'parallel','branches':[" + agent("a") + "," + agent("b") + "]}}", "x");
    assertEquals(2, run.plan().starts().size());
    var again = run.plan();
    assertTrue(again.starts().isEmpty(), again.toString());
    assertTrue(again.changes().isEmpty(), again.toString());
    assertInstanceOf(RunPlanner.Pending.class, again.root());
  }

  @Test
  void aLoopRepeatsItsBodyOnItsOwnOutputUntilTheRegexMatches() {
    var run =
        new Run(
            "{'root':{'kind':'loop','body':"
                + agent("a")
                + ",'until':{'regex':'a\\\\(a\\\\(a'},'maxIterations':10}}",
            "x");
    var result = run.finish(RunPlannerTest::echo);
    assertEquals(new RunPlanner.Done("a(a(a(x)))"), result);
    assertTrue(run.steps.containsKey("$.root.body@2"), run.steps.keySet().toString());
    assertEquals(2, run.steps.get("$.root.body@2").iteration());
  }

  @Test
  void aLoopStopsAtMaxIterations() {
    var run = new Run("{'root':{'kind':'loop','body':" + agent("a") + ",'maxIterations':4}}", "x");
    var result = run.finish(s -> "again");
    assertEquals(new RunPlanner.Done("again"), result);
    assertEquals(4, run.steps.size());
  }

  @Test
  void aLoopStopsWhenTheJsonPathHoldsTheValueOrTheJudgeSaysDone() {
    var field =
        new Run(
            "{'root':{'kind':'loop','body':"
                + agent("a")
                + ",'until':{'jsonPath':'$.ok','equals':true},'maxIterations':9}}",
            "x");
    int[] calls = {0};
    field.finish(s -> ++calls[0] < 3 ? "{\"ok\":false}" : "{\"ok\":true}");
    assertEquals(3, calls[0]);

    var judged =
        new Run(
            "{'root':{'kind':'loop','body':"
                + agent("a")
                + ",'until':{'judge':'j'},'maxIterations':9}}",
            "x");
    int[] verdicts = {0};
    var result =
        judged.finish(
            s -> s.kind().equals("judge") ? (++verdicts[0] < 2 ? "continue" : "Done.") : "draft");
    assertEquals(new RunPlanner.Done("draft"), result);
    assertEquals(2, verdicts[0]);
    assertEquals("draft", judged.steps.get("$.root.until@1").input());
  }

  @Test
  void aBranchRoutesOnAFieldARegexOrAClassifierElseTheDefault() {
    var cases =
        "'cases':{'refund':" + agent("r") + ",'other':" + agent("o") + "},'default':" + agent("d");
    var field =
        new Run(
            "{'root':{'kind':'branch','on':{'field':'$.topic'}," + cases + "}}",
            "{\"topic\":\"refund\"}");
    assertEquals(
        new RunPlanner.Done("r({\"topic\":\"refund\"})"), field.finish(RunPlannerTest::echo));

    var regex =
        new Run(
            "{'root':{'kind':'branch','on':{'regex':'about (\\\\w+)'}," + cases + "}}",
            "about OTHER things");
    assertEquals(new RunPlanner.Done("o(about OTHER things)"), regex.finish(RunPlannerTest::echo));

    var classified =
        new Run("{'root':{'kind':'branch','on':{'classifier':'c'}," + cases + "}}", "hm");
    var result = classified.finish(s -> s.kind().equals("classifier") ? " refund \n" : echo(s));
    assertEquals(new RunPlanner.Done("r(hm)"), result);
    assertTrue(classified.steps.containsKey("$.root.cases.refund"));

    var none =
        new Run("{'root':{'kind':'branch','on':{'field':'$.topic'}," + cases + "}}", "not json");
    assertEquals(new RunPlanner.Done("d(not json)"), none.finish(RunPlannerTest::echo));
  }

  @Test
  void aForumShowsEachParticipantTheOthersPreviousContributionsThenTheModeratorConcludes() {
    var run =
        new Run(
            "{'root':{'kind':'forum','participants':['p','q'],'rounds':2,'moderator':'m'}}",
            "topic");
    var result = run.finish(s -> s.kind().equals("moderator") ? "verdict" : s.agent() + "-says");
    assertEquals(new RunPlanner.Done("verdict"), result);
    assertEquals(3, run.waves.size(), "round 1, round 2, moderator");
    var second = run.steps.get("$.root.rounds[1].participants[0]").input();
    assertTrue(second.contains("[q]: q-says"), second);
    assertTrue(!second.contains("[p]:"), "a participant does not see its own: " + second);
    var conclusion = run.steps.get("$.root.moderator").input();
    assertTrue(conclusion.contains("Round 2:\n[p]: p-says\n[q]: q-says"), conclusion);
  }

  @Test
  void aTemplateNamingASiblingWaitsForItsOutput() {
    var run =
        new Run(
            "{'root':{'kind':'parallel','branches':["
                + "{'kind':'agent','agent':'b','input':'after {{nodes.first.output}}'},"
                + "{'kind':'agent','id':'first','agent':'a'}]}}",
            "x");
    var first = run.plan();
    assertEquals(1, first.starts().size());
    assertEquals(java.util.Set.of("first"), first.waitingOn());
    var result = run.finish(RunPlannerTest::echo);
    assertEquals(new RunPlanner.Done("[\"b(after a(x))\",\"a(x)\"]"), result);
  }

  @Test
  void aFailedStepFailsItsParentsAndTheRunNamingItsPath() {
    var run =
        new Run(
            "{'root':{'kind':'pipeline','steps':[{'kind':'parallel','branches':["
                + agent("a")
                + ","
                + agent("b")
                + "]},"
                + agent("c")
                + "]}}",
            "x");
    run.plan();
    run.known.put("$.root.steps[0].branches[1]", new Known(WorkflowStatus.FAILED, null, "b broke"));
    var plan = run.plan();
    assertEquals(new RunPlanner.Failed("$.root.steps[0].branches[1]: b broke"), plan.root());
    assertEquals(WorkflowStatus.FAILED, run.known.get("$.root.steps[0]").status());
    assertTrue(plan.starts().isEmpty());
  }
}
