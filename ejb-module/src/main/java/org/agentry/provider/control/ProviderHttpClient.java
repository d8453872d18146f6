package org.agentry.provider.control;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * LangChain4j's HTTP client SPI on the JDK's {@link java.net.http.HttpClient}. A non-2xx response
 * becomes an {@link HttpStatusException} carrying the response headers and the body with the
 * request's credentials masked ({@link Credentials}); a timeout becomes LangChain4j's {@link
 * TimeoutException}; other I/O failures an {@link UncheckedIOException}.
 *
 * <p>Plain {@code http} (local servers) is spoken as HTTP/1.1, {@code https} may negotiate HTTP/2.
 */
public final class ProviderHttpClient implements HttpClient {

  private final java.net.http.HttpClient jdk;
  private final Duration readTimeout;

  ProviderHttpClient(java.net.http.HttpClient jdk, Duration readTimeout) {
    this.jdk = jdk;
    this.readTimeout = readTimeout;
  }

  /**
   * Sends a request and reads the whole response.
   *
   * @throws HttpStatusException on a non-2xx status
   * @throws TimeoutException if no response arrived within the read timeout
   * @throws UncheckedIOException on other I/O failures (connection refused, reset, …)
   * @throws ProviderException (not retriable) if the thread is interrupted
   */
  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = jdk.send(toJdk(request), BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new TimeoutException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.interrupted();
    }
    if (response.statusCode() / 100 != 2) {
      var body = Credentials.mask(response.body(), Credentials.of(request.headers()));
      throw new HttpStatusException(response.statusCode(), body, response.headers().map());
    }
    return success(response, response.body());
  }

  /**
   * Sends a request and hands the streamed response body to {@code parser} on a JDK client thread;
   * failures go to {@link ServerSentEventListener#onError}, as in {@link #execute(HttpRequest)}.
   * Only LangChain4j's streaming models call this; the {@code ChatModel}s built here do not.
   */
  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    var credentials = Credentials.of(request.headers());
    jdk.sendAsync(toJdk(request), BodyHandlers.ofInputStream())
        .thenAccept(response -> stream(response, credentials, parser, listener))
        .exceptionally(
            failure -> {
              listener.onError(translate(failure));
              return null;
            });
  }

  private static void stream(
      HttpResponse<InputStream> response,
      List<String> credentials,
      ServerSentEventParser parser,
      ServerSentEventListener listener) {
    try (InputStream body = response.body()) {
      if (response.statusCode() / 100 != 2) {
        String text =
            Credentials.mask(new String(body.readAllBytes(), StandardCharsets.UTF_8), credentials);
        listener.onError(
            new HttpStatusException(response.statusCode(), text, response.headers().map()));
        return;
      }
      listener.onOpen(success(response, null));
      parser.parse(body, listener);
      listener.onClose();
    } catch (IOException e) {
      listener.onError(new UncheckedIOException(e));
    }
  }

  private static Throwable translate(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof HttpTimeoutException) {
      return new TimeoutException(cause);
    }
    return cause instanceof IOException io ? new UncheckedIOException(io) : cause;
  }

  private java.net.http.HttpRequest toJdk(HttpRequest request) {
    URI uri = URI.create(request.url());
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(uri)
            .timeout(readTimeout)
            .version(
                "https".equalsIgnoreCase(uri.getScheme())
                    ? java.net.http.HttpClient.Version.HTTP_2
                    : java.net.http.HttpClient.Version.HTTP_1_1);
    request.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
    java.net.http.HttpRequest.BodyPublisher body =
        request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(
                request.body(), StandardCharsets.UTF_8);
    return builder.method(request.method().name(), body).build();
  }

  private static SuccessfulHttpResponse success(HttpResponse<?> response, String body) {
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(response.headers().map())
        .body(body)
        .build();
  }
}
