package org.agentry.agent.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Jsons;
import org.junit.jupiter.api.Test;

class AgentSpecTest {

  private static AgentSpec withPeers(List<String> peers) {
    return new AgentSpec(
        null, "You help.", "p", "m", null, null, List.of(), null, true, peers, null, null, null);
  }

  @Test
  void withoutPeersAnAgentAddressesNoOneNotEvenItself() {
    var spec = withPeers(null);
    assertEquals(List.of(), spec.peers());
    assertFalse(spec.mayAddress("anyone"));
  }

  @Test
  void peersAreWhomItMayAddressInOrderWithoutDuplicates() {
    var spec = withPeers(List.of("notes", "archive", "notes"));
    assertEquals(List.of("notes", "archive"), spec.peers());
    assertTrue(spec.mayAddress("archive"));
    assertFalse(spec.mayAddress("billing"));
  }

  @Test
  void peersMustBeAgentNames() {
    for (var bad : List.of("Notes", "", "-x", "a b", "x".repeat(64), "a,b")) {
      var e = assertThrows(InvalidInputException.class, () -> withPeers(List.of(bad)), bad);
      assertTrue(e.getMessage().contains("'peers'"), e.getMessage());
    }
    assertThrows(InvalidInputException.class, () -> withPeers(Arrays.asList("a", null)));
    assertThrows(
        InvalidInputException.class,
        () -> withPeers(IntStream.range(0, 101).mapToObj(i -> "a" + i).toList()));
    assertEquals(
        100, withPeers(IntStream.range(0, 100).mapToObj(i -> "a" + i).toList()).peers().size());
    assertEquals(List.of(), withPeers(Collections.emptyList()).peers());
  }

  private static AgentSpec withSettings(String toolSettings, List<String> skills) {
    return new AgentSpec(
        null,
        "You help.",
        "p",
        "m",
        null,
        null,
        List.of(),
        null,
        true,
        null,
        null,
        toolSettings == null ? null : Jsons.createReader(toolSettings).readObject(),
        skills);
  }

  @Test
  void toolSettingsAreObjectsKeyedByToolNameOrMcpPattern() {
    var spec =
        withSettings(
            "{\"shell\":{\"allow\":[\"ls\"]},\"mcp:github/*\":{\"approval\":\"always\"}}", null);
    assertEquals("[\"ls\"]", spec.settingsOf("shell").getJsonArray("allow").toString());
    assertEquals("always", spec.settingsOf("mcp:github/*").getString("approval"));
    assertTrue(spec.settingsOf("http_fetch").isEmpty());
    assertTrue(withSettings(null, null).toolSettings().isEmpty());
    for (var bad :
        List.of(
            "{\"Shell\":{}}",
            "{\"shell\":true}",
            "{\"shell\":[]}",
            "{\"mcp:\":{}}",
            "{\"shell\":{\"x\":\"" + "y".repeat(70_000) + "\"}}")) {
      var e = assertThrows(InvalidInputException.class, () -> withSettings(bad, null));
      assertTrue(e.getMessage().contains("'toolSettings'"), e.getMessage());
    }
  }

  @Test
  void skillsAreNamesWithoutDuplicates() {
    assertEquals(List.of(), withSettings(null, null).skills());
    assertEquals(List.of("pdf", "csv"), withSettings(null, List.of("pdf", "csv", "pdf")).skills());
    var e =
        assertThrows(InvalidInputException.class, () -> withSettings(null, List.of("Not Valid")));
    assertTrue(e.getMessage().contains("'skills'"), e.getMessage());
  }
}
