package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpFetchGuardPerAgentTest {

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    var address =
        switch (host) {
          case "intranet.corp" -> new byte[] {10, 0, 0, 5};
          default -> new byte[] {93, (byte) 184, (byte) 215, 14};
        };
    return new InetAddress[] {InetAddress.getByAddress(host, address)};
  }

  private static HttpFetchGuard server(List<String> allow, List<String> deny) {
    return new HttpFetchGuard(allow, deny, HttpFetchGuardPerAgentTest::resolve);
  }

  @Test
  void theAgentsDenyListAddsToTheServers() throws ToolException {
    var guard =
        server(List.of(), List.of("bad.example")).forAgent(List.of(), List.of("example.org"));
    assertThrows(ToolException.class, () -> guard.check("https://bad.example/"));
    var error = assertThrows(ToolException.class, () -> guard.check("https://example.org/"));
    assertEquals("refused: example.org is on the deny-list", error.getMessage());
    assertEquals("example.com", guard.check("https://example.com/").host());
  }

  @Test
  void theAgentsAllowListNarrowsWhatItMayReach() throws ToolException {
    var guard = server(List.of(), List.of()).forAgent(List.of("*.example.com"), List.of());
    assertEquals("docs.example.com", guard.check("https://docs.example.com/").host());
    var error = assertThrows(ToolException.class, () -> guard.check("https://example.org/"));
    assertEquals("refused: example.org is not on the agent's allow-list", error.getMessage());
  }

  @Test
  void anInternalHostNeedsTheServersExactAllowEntryWhateverTheAgentSays() throws ToolException {
    var url = "http://intranet.corp/";
    var notOnServer = server(List.of(), List.of()).forAgent(List.of("intranet.corp"), List.of());
    var error = assertThrows(ToolException.class, () -> notOnServer.check(url));
    assertTrue(error.getMessage().contains("internal address"), error.getMessage());

    var onServer = server(List.of("intranet.corp", "example.com"), List.of());
    assertEquals(
        "intranet.corp", onServer.forAgent(List.of("intranet.corp"), List.of()).check(url).host());
    assertThrows(
        ToolException.class, () -> onServer.forAgent(List.of("example.com"), List.of()).check(url));
    assertThrows(
        ToolException.class,
        () -> onServer.forAgent(List.of(), List.of("intranet.corp")).check(url));
  }
}
