package org.agentry.provider.control;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds {@link ProviderHttpClient}s; pass one to a LangChain4j model's {@code
 * httpClientBuilder(…)}. The model sets the timeouts from its own {@code timeout(…)}.
 *
 * <p>JDK clients are shared per connect timeout: each JDK client owns a selector thread, and models
 * may be built per call.
 */
public final class ProviderHttpClientBuilder implements HttpClientBuilder {

  private static final Map<Duration, HttpClient> SHARED = new ConcurrentHashMap<>();

  private Duration connectTimeout;
  private Duration readTimeout;

  @Override
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public ProviderHttpClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    return this;
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public ProviderHttpClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = timeout;
    return this;
  }

  /** A client with the configured timeouts; 60 s for any not set. */
  @Override
  public ProviderHttpClient build() {
    Duration connect = connectTimeout == null ? ProviderSettings.DEFAULT_TIMEOUT : connectTimeout;
    HttpClient jdk =
        SHARED.computeIfAbsent(
            connect,
            timeout ->
                // Redirects stay off: following one could send the API key to another host.
                HttpClient.newBuilder().connectTimeout(timeout).build());
    return new ProviderHttpClient(
        jdk, readTimeout == null ? ProviderSettings.DEFAULT_TIMEOUT : readTimeout);
  }
}
