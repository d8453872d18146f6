package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

class AgentToolSettingsTest {

  static AgentSpec spec(String toolSettings) {
    var settings = Json.createReader(new StringReader(toolSettings)).readObject();
    return new AgentSpec(
        null,
        "p",
        "prov",
        "m",
        null,
        null,
        List.of("shell"),
        null,
        true,
        null,
        null,
        settings,
        null);
  }

  @Test
  void theEffectiveShellListIsTheIntersectionWithStarForTheOtherList() {
    assertEquals(
        List.of("ls"), AgentToolSettings.intersect(List.of("ls", "rm"), List.of("ls", "cat")));
    assertEquals(
        List.of("ls", "cat"), AgentToolSettings.intersect(List.of("*"), List.of("ls", "cat")));
    assertEquals(List.of("git"), AgentToolSettings.intersect(List.of("git"), List.of("*")));
    assertEquals(List.of("*"), AgentToolSettings.intersect(List.of("*"), List.of("*")));
    assertEquals(List.of(), AgentToolSettings.intersect(List.of("*"), List.of()));
    assertEquals(List.of(), AgentToolSettings.intersect(List.of("rm"), List.of("ls")));
  }

  @Test
  void wellFormedSettingsPassAndOtherKeysAreLeftAlone() {
    assertDoesNotThrow(
        () ->
            AgentToolSettings.check(
                spec(
                    "{\"shell\":{\"allow\":[\"ls\",\"git\"],\"approval\":\"always\"},"
                        + "\"http_fetch\":{\"allow\":[\"*.example.com\",\"10.0.0.5:8080\"],"
                        + "\"deny\":[\"[::1]:80\"]}}")));
    assertDoesNotThrow(() -> AgentToolSettings.check(spec("{\"shell\":{\"allow\":[\"*\"]}}")));
    assertDoesNotThrow(() -> AgentToolSettings.check(spec("{}")));
  }

  @Test
  void malformedListsAreRefusedNamingTheSetting() {
    for (var bad :
        List.of(
            "{\"shell\":{\"allow\":\"ls\"}}",
            "{\"shell\":{\"allow\":[\"ls -la\"]}}",
            "{\"shell\":{\"allow\":[\"/bin/ls\"]}}",
            "{\"shell\":{\"allow\":[1]}}",
            "{\"http_fetch\":{\"deny\":[\"http://x\"]}}",
            "{\"http_fetch\":{\"allow\":[\"a b\"]}}")) {
      var error =
          assertThrows(InvalidInputException.class, () -> AgentToolSettings.check(spec(bad)), bad);
      assertEquals(true, error.getMessage().startsWith("'toolSettings."), error.getMessage());
    }
  }
}
