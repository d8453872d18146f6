package org.agentry.provider.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProviderHttpClientTest {

  private static WireMockServer server;
  private final ProviderHttpClient client =
      new ProviderHttpClientBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .readTimeout(Duration.ofSeconds(2))
          .build();

  @BeforeAll
  static void start() {
    server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void keepsHeadersOfFailedResponses() {
    server.stubFor(
        get(urlPathEqualTo("/busy"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("{}")));

    HttpStatusException e =
        assertThrows(HttpStatusException.class, () -> client.execute(requestFor("/busy")));

    assertEquals(429, e.statusCode());
    assertEquals("7", e.header("RETRY-AFTER").orElseThrow());
    assertEquals("{}", e.body());
  }

  @Test
  void streamsServerSentEvents() throws Exception {
    server.stubFor(
        get(urlPathEqualTo("/stream"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody("data: one\n\nevent: done\ndata: two\n\n")));
    List<String> events = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> closed = new CompletableFuture<>();

    client.execute(
        requestFor("/stream"),
        new DefaultServerSentEventParser(),
        new ServerSentEventListener() {
          @Override
          public void onOpen(SuccessfulHttpResponse response) {
            events.add("open " + response.statusCode());
          }

          @Override
          public void onEvent(ServerSentEvent event) {
            events.add(event.data());
          }

          @Override
          public void onError(Throwable error) {
            closed.completeExceptionally(error);
          }

          @Override
          public void onClose() {
            closed.complete(null);
          }
        });

    closed.get(5, TimeUnit.SECONDS);
    assertEquals(List.of("open 200", "one", "two"), events);
  }

  @Test
  void reportsRefusedConnectionsAsRetriable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HttpRequest request =
        HttpRequest.builder().method(HttpMethod.GET).url("http://localhost:" + port + "/x").build();

    RuntimeException thrown = assertThrows(RuntimeException.class, () -> client.execute(request));
    ProviderException e = ProviderFailures.classify(thrown, Clock.systemUTC().instant());

    assertInstanceOf(java.io.UncheckedIOException.class, thrown);
    assertTrue(e.retriable());
    assertEquals(0, e.statusCode());
  }

  @Test
  void masksTheKeyARefusalQuotes() {
    var key = "k." + System.nanoTime() + ".x";
    server.stubFor(
        get(urlPathEqualTo("/quoting"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\":{\"message\":\"Bad key: "
                            + key
                            + " (Bearer "
                            + key
                            + ")\"}}")));
    var request =
        HttpRequest.builder()
            .method(HttpMethod.GET)
            .url(server.baseUrl() + "/quoting")
            .addHeader("Authorization", "Bearer " + key)
            .build();

    HttpStatusException e = assertThrows(HttpStatusException.class, () -> client.execute(request));

    assertFalse(e.body().contains(key), e.body());
    assertTrue(e.body().contains("Bad key: [redacted]"), e.body());
    var detail = ProviderFailures.classify(e, Clock.systemUTC().instant()).getMessage();
    assertFalse(detail.contains(key), detail);
  }

  private static HttpRequest requestFor(String path) {
    return HttpRequest.builder().method(HttpMethod.GET).url(server.baseUrl() + path).build();
  }
}
