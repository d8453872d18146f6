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
import org.junit.jupiter.api.Test;

class AgentSpecTest {

  private static AgentSpec withPeers(List<String> peers) {
    return new AgentSpec(
        null, "You help.", "p", "m", null, null, List.of(), null, true, peers, null);
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
}
