package org.agentry.server;

import static org.agentry.server.AgentsIT.agent;
import static org.agentry.server.AgentsIT.chat;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.agentry.server.TasksIT.events;
import static org.agentry.server.TasksIT.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code shell} tool on the shared server, whose allow-list ({@code AGENTRY_TOOLS_SHELL_ALLOW})
 * is {@code pwd,env,cat}: a task whose model runs programs in the workspace with a scrubbed
 * environment, the calls recorded as events, and refusals the model sees — also of programs the
 * agent's own {@code toolSettings.shell.allow} does not name.
 */
class ShellToolIT {

  private static final String ADMIN = SharedServer.ADMIN;

  private static String shell(String command) {
    return "{\"name\":\"shell\",\"arguments\":{\"command\":\"" + command + "\"}}";
  }

  @Test
  void aTaskRunsAllowedProgramsInItsWorkspaceWithAScrubbedEnvironment() throws Exception {
    var turns =
        "[{\"toolCalls\":["
            + String.join(",", shell("pwd"), shell("env"), shell("cat note.txt"))
            + "]},{\"text\":\"done\"}]";
    var agent = shellAgent(scriptedProvider(turns), "[\"*\"]");
    var workspace = SharedServer.get().dataDir.resolve("workspaces").resolve(agent);
    Files.createDirectories(workspace);
    Files.writeString(workspace.resolve("note.txt"), "from the workspace");

    var accepted = submit(agent, "{\"input\":\"look around\"}");
    assertEquals(202, accepted.status(), accepted.body());
    var id = accepted.json().getString("taskId");
    awaitStatus(id, "completed");

    var ends = toolEnds(id);
    assertEquals(3, ends.size(), ends.toString());
    ends.forEach(e -> assertFalse(e.containsKey("error") && !e.isNull("error"), e.toString()));
    var results = toolResults(id);
    assertTrue(results.get(0).startsWith("exit code: 0\nstdout:\n"), results.get(0));
    assertTrue(results.get(0).contains(workspace.toRealPath().toString()), results.get(0));
    assertTrue(results.get(1).contains("/workspaces/" + agent + "\n"), results.get(1));
    assertFalse(results.get(1).contains("AGENTRY_"), results.get(1));
    assertTrue(results.get(2).contains("\nfrom the workspace\n"), results.get(2));
  }

  @Test
  void programsOffTheAllowListAndShellSyntaxAreRefusedToTheModel() throws Exception {
    var turns =
        "[{\"toolCalls\":["
            + String.join(",", shell("rm -rf note.txt"), shell("cat a; cat b"))
            + "]},{\"text\":\"refused\"}]";
    var agent = shellAgent(scriptedProvider(turns), "[\"*\"]");

    var reply = chat(agent, "delete it", null);

    var calls = reply.getJsonArray("toolCalls");
    assertEquals(
        "the program 'rm' is not allowed; allowed: pwd, env, cat",
        calls.getJsonObject(0).getString("error"),
        reply.toString());
    assertTrue(calls.getJsonObject(1).getString("error").contains("there is no shell"));
  }

  @Test
  void anAgentThatDoesNotListShellCannotCallIt() throws Exception {
    var turns = "[{\"toolCalls\":[" + shell("pwd") + "]},{\"text\":\"no\"}]";
    var agent = agent(scriptedProvider(turns), "[\"current_time\"]");

    var reply = chat(agent, "where am I", null);

    var error = reply.getJsonArray("toolCalls").getJsonObject(0).getString("error");
    assertTrue(error.startsWith("unknown tool 'shell'"), error);
  }

  @Test
  void anAgentRunsOnlyWhatItsOwnAllowListAndTheServersBothName() throws Exception {
    var turns =
        "[{\"toolCalls\":["
            + String.join(",", shell("cat note.txt"), shell("pwd"), shell("ls"))
            + "]},{\"text\":\"ok\"}]";
    var agent = shellAgent(scriptedProvider(turns), "[\"pwd\",\"ls\"]");

    var calls = chat(agent, "look", null).getJsonArray("toolCalls");

    assertEquals(
        "the program 'cat' is not allowed; allowed: pwd",
        calls.getJsonObject(0).getString("error"),
        calls.toString());
    var pwd = calls.getJsonObject(1);
    assertTrue(!pwd.containsKey("error") || pwd.isNull("error"), calls.toString());
    assertEquals(
        "the program 'ls' is not allowed; allowed: pwd",
        calls.getJsonObject(2).getString("error"),
        "the server's list (pwd, env, cat) is the ceiling");
  }

  @Test
  void anAgentWithoutItsOwnAllowListCannotRunAnything() throws Exception {
    var turns = "[{\"toolCalls\":[" + shell("pwd") + "]},{\"text\":\"no\"}]";
    var agent = agent(scriptedProvider(turns), "[\"shell\"]");

    var reply = chat(agent, "where am I", null);

    var error = reply.getJsonArray("toolCalls").getJsonObject(0).getString("error");
    assertTrue(error.contains("off for this agent"), error);
  }

  @Test
  void aMalformedAllowListIsRefusedWhenTheAgentIsSaved() throws Exception {
    var body =
        AgentsIT.agentJson(
            "a-bad-shell",
            scriptedProvider("[{\"text\":\"x\"}]"),
            "[\"shell\"]",
            ",\"toolSettings\":{\"shell\":{\"allow\":\"ls\"}}");
    var refused = SharedServer.api().post("/api/v1/agents", ADMIN, "application/json", body);
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.body().contains("toolSettings.shell.allow"), refused.body());
  }

  /** An agent with {@code shell} whose {@code toolSettings.shell.allow} is this JSON array. */
  static String shellAgent(String provider, String allow) throws Exception {
    var name = "a-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    var body =
        AgentsIT.agentJson(
            name,
            provider,
            "[\"shell\"]",
            ",\"toolSettings\":{\"shell\":{\"allow\":" + allow + "}}");
    var created = SharedServer.api().post("/api/v1/agents", ADMIN, "application/json", body);
    assertEquals(201, created.status(), created.body());
    return name;
  }

  private static List<JsonObject> toolEnds(String id) throws Exception {
    return events(id, 0).stream()
        .map(e -> e.asJsonObject())
        .filter(e -> "tool.end".equals(e.getString("type")))
        .map(e -> e.getJsonObject("data"))
        .toList();
  }

  private static List<String> toolResults(String id) throws Exception {
    var context = SharedServer.api().get("/api/v1/tasks/" + id + "/context", ADMIN).json();
    return context.getJsonArray("messages").stream()
        .map(m -> m.asJsonObject())
        .filter(m -> "tool".equals(m.getString("role")))
        .map(m -> m.getString("content"))
        .toList();
  }
}
