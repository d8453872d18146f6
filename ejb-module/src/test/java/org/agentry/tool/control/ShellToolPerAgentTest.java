package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.agentry.agent.entity.AgentSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellToolPerAgentTest {

  @TempDir Path workspace;

  private String run(ShellTool tool, AgentSpec agent, String command) throws ToolException {
    return tool.execute(
        new ToolContext("a", null, null, workspace, agent),
        Json.createObjectBuilder().add("command", command).build());
  }

  private static ShellTool server(String... programs) {
    return new ShellTool(List.of(programs), Duration.ofSeconds(10), 1000);
  }

  @Test
  void anAgentWithoutItsOwnAllowListCannotRunAnything() {
    var error =
        assertThrows(
            ToolException.class,
            () -> run(server("*"), AgentToolSettingsTest.spec("{}"), "echo hi"));
    assertTrue(error.getMessage().contains("off for this agent"), error.getMessage());
  }

  @Test
  void aProgramTheServerAllowsButTheAgentDoesNotIsRefused() throws ToolException {
    var agent = AgentToolSettingsTest.spec("{\"shell\":{\"allow\":[\"echo\"]}}");
    var error = assertThrows(ToolException.class, () -> run(server("echo", "ls"), agent, "ls"));
    assertEquals("the program 'ls' is not allowed; allowed: echo", error.getMessage());
    assertTrue(run(server("echo", "ls"), agent, "echo hi").startsWith("exit code: 0"));
  }

  @Test
  void theServerListStaysTheCeiling() {
    var agent = AgentToolSettingsTest.spec("{\"shell\":{\"allow\":[\"*\"]}}");
    var refused = assertThrows(ToolException.class, () -> run(server("ls"), agent, "echo hi"));
    assertEquals("the program 'echo' is not allowed; allowed: ls", refused.getMessage());
    var off = assertThrows(ToolException.class, () -> run(new ShellTool(), agent, "echo hi"));
    assertTrue(off.getMessage().contains("off on this server"), off.getMessage());
  }

  @Test
  void theModelSeesTheAgentsEffectiveList() {
    var agent = AgentToolSettingsTest.spec("{\"shell\":{\"allow\":[\"git\",\"ls\"]}}");
    var description = server("ls", "cat").specificationFor(agent).description();
    assertTrue(description.contains("Allowed programs: ls."), description);
  }
}
