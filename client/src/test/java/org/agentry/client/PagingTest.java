package org.agentry.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.agentry.client.model.Task;
import org.agentry.client.model.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cursor paging helper: every page in order, no more pages than consumed. */
class PagingTest {

  WireMockServer server;
  AgentryClient client;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    client = AgentryClient.builder().baseUrl(server.baseUrl()).token("t").build();
    page(null, "c1", "a", "b");
    page("c1", "c2", "c", "d");
    page("c2", null, "e");
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void iteratesEveryPageWithTheFilters() {
    var ids =
        client.tasks().listAll(TaskQuery.ofAgent("notes").withLimit(2)).map(Task::taskId).toList();

    assertEquals(java.util.List.of("a", "b", "c", "d", "e"), ids);
    server.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/tasks")));
    server.verify(
        getRequestedFor(urlPathEqualTo("/api/v1/tasks"))
            .withQueryParam("cursor", equalTo("c2"))
            .withQueryParam("agent", equalTo("notes"))
            .withQueryParam("limit", equalTo("2")));
  }

  @Test
  void fetchesOnlyThePagesConsumed() {
    var first = client.tasks().listAll(TaskQuery.all()).limit(3).map(Task::taskId).toList();

    assertEquals(java.util.List.of("a", "b", "c"), first);
    server.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/tasks")));
  }

  private void page(String cursor, String next, String... ids) {
    var items = new StringBuilder();
    for (var id : ids) {
      items.append(items.isEmpty() ? "" : ",");
      items.append("{\"taskId\":\"").append(id).append("\",\"status\":\"queued\"}");
    }
    var body =
        "{\"items\":["
            + items
            + "]"
            + (next == null ? "" : ",\"nextCursor\":\"" + next + "\"")
            + "}";
    server.stubFor(
        get(urlPathEqualTo("/api/v1/tasks"))
            .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor))
            .willReturn(okJson(body)));
  }
}
