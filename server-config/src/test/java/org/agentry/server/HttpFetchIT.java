package org.agentry.server;

import static org.agentry.server.AgentsIT.agent;
import static org.agentry.server.AgentsIT.chat;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code http_fetch} on the shared server, which has no allow-list: a model's fetches of a loopback
 * fixture (in several spellings) and of the cloud metadata address come back as tool errors, and
 * the fixture sees no request.
 */
class HttpFetchIT {

  @Test
  void isListedAsACapabilityWithItsSchema() throws Exception {
    SharedServer.get();
    var capability =
        SharedServer.api().get("/api/v1/capabilities/http_fetch", SharedServer.ADMIN).json();

    assertEquals("tool", capability.getString("kind"));
    var schema = capability.getJsonObject("inputSchema");
    assertEquals("url", schema.getJsonArray("required").getString(0));
    assertEquals(
        "GET",
        schema
            .getJsonObject("properties")
            .getJsonObject("method")
            .getJsonArray("enum")
            .getString(0));
    assertTrue(capability.getJsonObject("exampleInput").containsKey("url"));
  }

  @Test
  void internalUrlsAreRefusedToTheModelAndNeverFetched() throws Exception {
    SharedServer.get();
    var hits = new AtomicInteger();
    var fixture = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fixture.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    fixture.start();
    try {
      int port = fixture.getAddress().getPort();
      var urls =
          new String[] {
            "http://127.0.0.1:" + port + "/",
            "HtTp://2130706433:" + port + "/",
            "http://[::ffff:127.0.0.1]:" + port + "/",
            "http://localhost:" + port + "/",
            "http://169.254.169.254/latest/meta-data/"
          };
      var calls = new StringBuilder();
      for (var url : urls) {
        calls.append(calls.isEmpty() ? "" : ",");
        calls
            .append("{\"name\":\"http_fetch\",\"arguments\":{\"url\":\"")
            .append(url)
            .append("\"}}");
      }
      var turns = "[{\"toolCalls\":[" + calls + "]},{\"text\":\"done\"}]";
      var agentName = agent(scriptedProvider(turns), "[\"http_fetch\"]");

      var reply = chat(agentName, "fetch", null);

      assertEquals("completed", reply.getString("stopReason"));
      var results = reply.getJsonArray("toolCalls");
      assertEquals(urls.length, results.size());
      for (var value : results) {
        var error = value.asJsonObject().getString("error");
        assertTrue(error.startsWith("refused: "), error);
      }
      assertEquals(0, hits.get());
    } finally {
      fixture.stop(0);
    }
  }
}
