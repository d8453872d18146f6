package org.agentry.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.agentry.platform.entity.Jsons;
import org.junit.jupiter.api.Test;

class DefinitionReaderTest {

  private static final Set<String> AGENTS = Set.of("a", "b", "judge");

  private static Node read(String json) {
    return DefinitionReader.read(
        Jsons.createReader(json.replace('\'', '"')).readValue(), AGENTS::contains);
  }

  private static WorkflowInvalidException refused(String json) {
    return assertThrows(WorkflowInvalidException.class, () -> read(json));
  }

  private static void refusedAt(String json, String path, String words) {
    var e = refused(json);
    var first = e.violations().get(0);
    assertEquals(path, first.path(), e.violations().toString());
    assertTrue(first.message().contains(words), first.message());
  }

  private static String agent(String name) {
    return "{'kind':'agent','agent':'" + name + "'}";
  }

  @Test
  void readsEveryKindOfNode() {
    var root =
        read(
            "{'root':{'kind':'pipeline','steps':["
                + "{'kind':'agent','id':'first','agent':'a','input':'Q: {{input}}'},"
                + "{'kind':'parallel','branches':["
                + agent("a")
                + ","
                + agent("b")
                + "]},"
                + "{'kind':'loop','body':"
                + agent("a")
                + ",'until':{'judge':'judge'},'maxIterations':3},"
                + "{'kind':'branch','on':{'field':'$.kind'},'cases':{'x':"
                + agent("a")
                + "},'default':"
                + agent("b")
                + "},"
                + "{'kind':'forum','participants':['a','b'],'rounds':2,'moderator':'judge',"
                + "'input':'{{nodes.first.output}}'}]}}");

    var pipeline = assertInstanceOf(Node.Pipeline.class, root);
    assertEquals(5, pipeline.steps().size());
    assertEquals("$.root.steps[1]", pipeline.steps().get(1).path());
    var loop = assertInstanceOf(Node.Loop.class, pipeline.steps().get(2));
    assertEquals(new Node.Judge("judge"), loop.until());
    assertEquals("$.root.steps[2].body", loop.body().path());
    var branch = assertInstanceOf(Node.Branch.class, pipeline.steps().get(3));
    assertEquals("$.root.steps[3].cases.x", branch.cases().get("x").path());
    assertEquals("$.root.steps[3].default", branch.otherwise().path());
  }

  @Test
  void anUnknownAgentIsRefusedAtItsNode() {
    refusedAt(
        "{'root':{'kind':'pipeline','steps':["
            + agent("a")
            + ","
            + agent("a")
            + ","
            + agent("nobody")
            + "]}}",
        "$.root.steps[2]",
        "no agent 'nobody'");
    refusedAt(
        "{'root':{'kind':'forum','participants':['a','ghost'],'rounds':1,'moderator':'a'}}",
        "$.root.participants[1]",
        "no agent 'ghost'");
  }

  @Test
  void aBranchWithoutDefaultIsRefused() {
    refusedAt(
        "{'root':{'kind':'branch','on':{'regex':'(yes|no)'},'cases':{'yes':" + agent("a") + "}}}",
        "$.root",
        "'default'");
  }

  @Test
  void emptyListsAreRefused() {
    refusedAt("{'root':{'kind':'pipeline','steps':[]}}", "$.root.steps", "non-empty");
    refusedAt("{'root':{'kind':'parallel','branches':[]}}", "$.root.branches", "non-empty");
    refusedAt(
        "{'root':{'kind':'branch','on':{'field':'$.a'},'cases':{},'default':" + agent("a") + "}}",
        "$.root.cases",
        "non-empty");
    refusedAt(
        "{'root':{'kind':'forum','participants':[],'rounds':1,'moderator':'a'}}",
        "$.root.participants",
        "non-empty");
  }

  @Test
  void maxIterationsIsBounded() {
    for (var bad : new String[] {"0", "101", "2.5", "'3'"}) {
      refusedAt(
          "{'root':{'kind':'loop','body':" + agent("a") + ",'maxIterations':" + bad + "}}",
          "$.root.maxIterations",
          "1 to 100");
    }
    assertInstanceOf(
        Node.Loop.class,
        read("{'root':{'kind':'loop','body':" + agent("a") + ",'maxIterations':100}}"));
  }

  @Test
  void aNodeNamingItsOwnOutputIsRefused() {
    refusedAt(
        "{'root':{'kind':'pipeline','steps':["
            + agent("a")
            + ","
            + "{'kind':'agent','id':'me','agent':'a','input':'{{nodes.me.output}}'}]}}",
        "$.root.steps[1]",
        "its own output");
  }

  @Test
  void cyclesThroughTemplatesAndInputsAreRefused() {
    // the first step needs the third, which needs the second's output, which needs the first's
    var e =
        refused(
            "{'root':{'kind':'pipeline','steps':["
                + "{'kind':'agent','id':'s0','agent':'a','input':'{{nodes.s2.output}}'},"
                + agent("a")
                + ",{'kind':'agent','id':'s2','agent':'b'}]}}");
    assertTrue(e.violations().get(0).message().contains("cycle"), e.violations().toString());
    // a node inside a parallel naming the parallel itself
    refusedAt(
        "{'root':{'kind':'parallel','id':'all','branches':["
            + "{'kind':'agent','agent':'a','input':'{{nodes.all.output}}'}]}}",
        "$.root.branches[0]",
        "cycle");
    // two siblings naming each other
    var mutual =
        refused(
            "{'root':{'kind':'parallel','branches':["
                + "{'kind':'agent','id':'x','agent':'a','input':'{{nodes.y.output}}'},"
                + "{'kind':'agent','id':'y','agent':'a','input':'{{nodes.x.output}}'}]}}");
    assertTrue(mutual.violations().get(0).message().contains("cycle"));
  }

  @Test
  void aSiblingsOutputMayBeNamed() {
    assertInstanceOf(
        Node.Parallel.class,
        read(
            "{'root':{'kind':'parallel','branches':["
                + "{'kind':'agent','id':'x','agent':'a'},"
                + "{'kind':'agent','agent':'a','input':'{{nodes.x.output}} and {{input}}'}]}}"));
  }

  @Test
  void unknownKindsMembersPlaceholdersAndIdsAreRefused() {
    refusedAt("{'root':{'kind':'dance'}}", "$.root", "unknown kind");
    refusedAt(
        "{'root':{'kind':'agent','agent':'a','inptu':'x'}}", "$.root.inptu", "unknown member");
    refusedAt(
        "{'root':{'kind':'agent','agent':'a','input':'{{nodes.nope.output}}'}}",
        "$.root",
        "no node has the id 'nope'");
    refusedAt(
        "{'root':{'kind':'agent','agent':'a','input':'{{secret}}'}}",
        "$.root.input",
        "unknown placeholder");
    refusedAt(
        "{'root':{'kind':'parallel','branches':[{'kind':'agent','id':'d','agent':'a'},"
            + "{'kind':'agent','id':'d','agent':'a'}]}}",
        "$.root.branches[1].id",
        "taken");
    refusedAt("{'rot':{}}", "$.rot", "unknown member");
    refusedAt("[]", "$", "JSON object");
  }

  @Test
  void conditionsNeedExactlyOneTestAndValidPatterns() {
    refusedAt(
        "{'root':{'kind':'loop','body':"
            + agent("a")
            + ",'maxIterations':2,"
            + "'until':{'regex':'x','judge':'a'}}}",
        "$.root.until",
        "exactly one");
    refusedAt(
        "{'root':{'kind':'loop','body':"
            + agent("a")
            + ",'maxIterations':2,"
            + "'until':{'regex':'('}}}",
        "$.root.until.regex",
        "not a regular expression");
    refusedAt(
        "{'root':{'kind':'loop','body':"
            + agent("a")
            + ",'maxIterations':2,"
            + "'until':{'jsonPath':'$..x','equals':1}}}",
        "$.root.until.jsonPath",
        "not a JSONPath");
    refusedAt(
        "{'root':{'kind':'branch','on':{'classifier':'nobody'},'cases':{'a':"
            + agent("a")
            + "},'default':"
            + agent("a")
            + "}}",
        "$.root.on",
        "no agent 'nobody'");
  }

  @Test
  void everyViolationIsListedNotOnlyTheFirst() {
    var e = refused("{'root':{'kind':'pipeline','steps':[" + agent("x") + "," + agent("y") + "]}}");
    assertEquals(2, e.violations().size(), e.violations().toString());
    assertEquals("$.root.steps[1]", e.violations().get(1).path());
  }
}
