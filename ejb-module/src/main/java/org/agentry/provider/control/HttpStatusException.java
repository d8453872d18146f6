package org.agentry.provider.control;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A non-2xx HTTP response, thrown by {@link ProviderHttpClient}. Unlike LangChain4j's {@link
 * HttpException}, which keeps only status and body, it keeps the response headers, so that {@code
 * Retry-After} survives LangChain4j's exception mapping (which wraps it as the cause).
 *
 * <p>Its message is the response body, as LangChain4j expects; do not log it.
 */
public class HttpStatusException extends HttpException {

  private static final long serialVersionUID = 1L;

  private final transient Map<String, List<String>> headers;

  /**
   * A failed response.
   *
   * @param statusCode the HTTP status, e.g. 429
   * @param body the response body, possibly empty
   * @param headers the response headers (names in any case)
   */
  public HttpStatusException(int statusCode, String body, Map<String, List<String>> headers) {
    super(statusCode, body);
    this.headers = Map.copyOf(headers);
  }

  /** The response body (the provider's error document), possibly empty. */
  public String body() {
    return getMessage() == null ? "" : getMessage();
  }

  /** The first value of a response header, looked up case-insensitively. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
        .map(entry -> entry.getValue().get(0))
        .findFirst();
  }
}
