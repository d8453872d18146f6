package org.agentry.provider.control;

import static org.agentry.provider.control.FakeChatModel.answering;
import static org.agentry.provider.control.FakeChatModel.failing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderCallerTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final ChatRequest REQUEST =
      ChatRequest.builder().messages(UserMessage.from("hi")).build();

  private final List<Duration> sleeps = new ArrayList<>();
  private final ProviderCaller caller =
      new ProviderCaller(sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void honoursRetryAfterAsHttpDate() {
    var model =
        new FakeChatModel(
            failing(rateLimited(Map.of("Retry-After", List.of("Wed, 01 Jan 2025 00:00:05 GMT")))),
            answering("ok"));

    assertEquals("ok", caller.call(model, REQUEST, 1).aiMessage().text());
    assertEquals(List.of(Duration.ofSeconds(5)), sleeps);
  }

  @Test
  void capsRetryAfterAtSixtySeconds() {
    var model =
        new FakeChatModel(
            failing(rateLimited(Map.of("retry-after", List.of("3600")))), answering("ok"));

    caller.call(model, REQUEST, 1);

    assertEquals(List.of(ProviderCaller.MAX_RETRY_AFTER), sleeps);
  }

  @Test
  void prefersRetryAfterMilliseconds() {
    var headers = Map.of("retry-after-ms", List.of("1500"), "retry-after", List.of("2"));
    var model = new FakeChatModel(failing(rateLimited(headers)), answering("ok"));

    caller.call(model, REQUEST, 1);

    assertEquals(List.of(Duration.ofMillis(1500)), sleeps);
  }

  @Test
  void backsOffExponentiallyUpToThirtySeconds() {
    var model = new FakeChatModel(failing(serverError()));

    ProviderException e =
        assertThrows(ProviderException.class, () -> caller.call(model, REQUEST, 8));

    assertEquals(9, model.calls());
    assertEquals(
        List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L),
        sleeps.stream().map(Duration::toMillis).toList());
    assertTrue(e.retriable());
    assertEquals(502, e.statusCode());
  }

  @Test
  void neverRetriesSpendLimits() {
    String body =
        "{\"error\":{\"message\":\"You exceeded your current quota\",\"code\":\"insufficient_quota\"}}";
    var model = new FakeChatModel(failing(new HttpStatusException(429, body, Map.of())));

    ProviderException e =
        assertThrows(ProviderException.class, () -> caller.call(model, REQUEST, 3));

    assertFalse(e.retriable());
    assertEquals(429, e.statusCode());
    assertTrue(e.getMessage().contains("spend limit"), e.getMessage());
    assertEquals(1, model.calls());
  }

  @Test
  void neverRetriesClientErrors() {
    for (int status : new int[] {400, 401, 403, 404}) {
      var model = new FakeChatModel(failing(new HttpStatusException(status, "{}", Map.of())));

      ProviderException e =
          assertThrows(ProviderException.class, () -> caller.call(model, REQUEST, 3));

      assertFalse(e.retriable(), "status " + status);
      assertEquals(status, e.statusCode());
      assertEquals(1, model.calls());
    }
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void retriesTimeouts() {
    var model =
        new FakeChatModel(
            failing(new TimeoutException(new java.net.http.HttpTimeoutException("timed out"))),
            answering("ok"));

    assertEquals("ok", caller.call(model, REQUEST, 1).aiMessage().text());
    assertEquals(List.of(ProviderCaller.BASE_DELAY), sleeps);
  }

  @Test
  void doesNotRetryUnknownFailures() {
    var model = new FakeChatModel(failing(new IllegalStateException("bug")));

    ProviderException e =
        assertThrows(ProviderException.class, () -> caller.call(model, REQUEST, 3));

    assertFalse(e.retriable());
    assertEquals(0, e.statusCode());
    assertEquals(1, model.calls());
  }

  @Test
  void stopsWhenInterruptedWhileWaiting() {
    var interrupting =
        new ProviderCaller(
            d -> {
              throw new InterruptedException();
            },
            Clock.systemUTC());
    var model = new FakeChatModel(failing(serverError()), answering("ok"));

    ProviderException e =
        assertThrows(ProviderException.class, () -> interrupting.call(model, REQUEST, 3));

    assertTrue(Thread.interrupted(), "interrupt flag restored");
    assertFalse(e.retriable());
    assertEquals(1, model.calls());
  }

  @Test
  void refusesNegativeRetries() {
    var model = new FakeChatModel(answering("ok"));

    assertThrows(IllegalArgumentException.class, () -> caller.call(model, REQUEST, -1));
  }

  /** As LangChain4j reports a 429: its own exception with ours as the cause. */
  private static RuntimeException rateLimited(Map<String, List<String>> headers) {
    return new RateLimitException(new HttpStatusException(429, "{}", headers));
  }

  private static RuntimeException serverError() {
    return new InternalServerException(
        new HttpStatusException(502, "<html>bad gateway</html>", Map.of()));
  }
}
