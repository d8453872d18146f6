package org.agentry.provider.control;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls a model, retrying what may succeed later. Retriable are HTTP 408, 429 and 5xx, timeouts and
 * I/O errors; never retried are other 4xx (400, 401, 403, 404, …) and spend-limit errors. The wait
 * before retry {@code n} (from 0) is the provider's {@code Retry-After} capped at {@link
 * #MAX_RETRY_AFTER}, or else {@link #BASE_DELAY} × 2<sup>n</sup> capped at {@link #MAX_BACKOFF}.
 *
 * <p>Build models with LangChain4j's own retries off ({@link ChatModels} does) so that retries are
 * not multiplied.
 */
public final class ProviderCaller {

  /** First backoff: 500 ms. */
  public static final Duration BASE_DELAY = Duration.ofMillis(500);

  /** Longest computed backoff: 30 s. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** Longest wait honoured from {@code Retry-After}: 60 s. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final Logger LOG = Logger.getLogger(ProviderCaller.class.getName());

  private final Sleeper sleeper;
  private final Clock clock;

  /** A caller that really sleeps. */
  public ProviderCaller() {
    this(Sleeper.SYSTEM, Clock.systemUTC());
  }

  /**
   * A caller with the given sleeper and clock.
   *
   * @param sleeper waits between attempts
   * @param clock measures HTTP-date {@code Retry-After} values
   */
  public ProviderCaller(Sleeper sleeper, Clock clock) {
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * Sends a chat request, making at most {@code 1 + maxRetries} attempts.
   *
   * @param model the model, built with its own retries disabled
   * @param request the messages, tools and parameters
   * @param maxRetries retries after a retriable failure, ≥ 0
   * @return the model's response
   * @throws ProviderException when an attempt fails in a non-retriable way, when the retries are
   *     used up ({@link ProviderException#retriable()} is then true), or when interrupted
   * @throws IllegalArgumentException if {@code maxRetries} is negative
   */
  public ChatResponse call(ChatModel model, ChatRequest request, int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be ≥ 0, was " + maxRetries);
    }
    for (int attempt = 0; ; attempt++) {
      try {
        return model.chat(request);
      } catch (RuntimeException e) {
        ProviderException failure = ProviderFailures.classify(e, clock.instant());
        if (!failure.retriable() || attempt >= maxRetries) {
          throw failure;
        }
        Duration delay = delay(attempt, failure);
        LOG.log(
            Level.INFO,
            "Provider call failed ({0}); retry {1} of {2} in {3} ms",
            new Object[] {failure.getMessage(), attempt + 1, maxRetries, delay.toMillis()});
        pause(delay);
      }
    }
  }

  /** The wait before retry {@code attempt} (from 0) after the given failure. */
  static Duration delay(int attempt, ProviderException failure) {
    return failure
        .retryAfter()
        .map(wait -> wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait)
        .orElseGet(() -> backoff(attempt));
  }

  private static Duration backoff(int attempt) {
    if (attempt >= 16) {
      return MAX_BACKOFF;
    }
    Duration wait = BASE_DELAY.multipliedBy(1L << attempt);
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private void pause(Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.interrupted();
    }
  }
}
