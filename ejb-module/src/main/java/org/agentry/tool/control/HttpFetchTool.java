package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code http_fetch}: fetches an {@code http} or {@code https} URL (GET, or POST with a body) and
 * returns the status, the content type, the final URL and the body as text — HTML turned into its
 * readable text. Every URL, also each redirect's target (at most {@value #MAX_REDIRECTS}), passes
 * {@link HttpFetchGuard}, and the connection goes to the address the guard checked. Settings:
 * {@code agentry.tools.http-fetch.allow} and {@code .deny} (comma-separated host entries, see
 * {@link HttpFetchGuard}), {@code .max-bytes} (most body bytes read, default 1 MiB) and {@code
 * .timeout-seconds} (connect and read timeout, default 20 s). An agent's {@code
 * toolSettings.http_fetch} narrows the server's lists ({@link HttpFetchGuard#forAgent}).
 */
@ApplicationScoped
public class HttpFetchTool implements Tool {

  /** Most redirects followed. */
  public static final int MAX_REDIRECTS = 5;

  @Inject
  @ConfigProperty(name = "agentry.tools.http-fetch.allow")
  Optional<String> allow;

  @Inject
  @ConfigProperty(name = "agentry.tools.http-fetch.deny")
  Optional<String> deny;

  @Inject
  @ConfigProperty(name = "agentry.tools.http-fetch.max-bytes", defaultValue = "1048576")
  int maxBytes;

  @Inject
  @ConfigProperty(name = "agentry.tools.http-fetch.timeout-seconds", defaultValue = "20")
  int timeoutSeconds;

  private HttpFetchGuard guard;
  private HttpExchange exchange;

  /** For CDI. */
  public HttpFetchTool() {}

  /** A tool with this guard and these caps, outside CDI. */
  public HttpFetchTool(HttpFetchGuard guard, int maxBytes, Duration timeout) {
    this.guard = guard;
    this.exchange = new HttpExchange(maxBytes, timeout);
  }

  /** A tool that trusts the servers this TLS context trusts (tests with their own certificate). */
  HttpFetchTool(HttpFetchGuard guard, int maxBytes, Duration timeout, SSLContext tls) {
    this.guard = guard;
    this.exchange = new HttpExchange(maxBytes, timeout, tls);
  }

  @PostConstruct
  void init() {
    guard = new HttpFetchGuard(entries(allow), entries(deny), InetAddress::getAllByName);
    exchange = new HttpExchange(maxBytes, Duration.ofSeconds(timeoutSeconds));
  }

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name("http_fetch")
        .description(
            "Fetches a public http(s) URL and returns its status, content type and text (HTML is"
                + " turned into plain text). Internal and private addresses are refused.")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("url", "Absolute http or https URL, e.g. https://example.com/")
                .addEnumProperty("method", List.of("GET", "POST"), "HTTP method; default GET")
                .addStringProperty("body", "Request body, only with POST")
                .addStringProperty(
                    "contentType", "Content type of the body; default text/plain; charset=UTF-8")
                .required("url")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonObject arguments) throws ToolException {
    var url = ToolException.requiredString(arguments, "url");
    var method = optional(arguments, "method", "GET").toUpperCase(Locale.ROOT);
    if (!method.equals("GET") && !method.equals("POST")) {
      throw new ToolException("method must be GET or POST");
    }
    var body = optional(arguments, "body", null);
    if (body != null && method.equals("GET")) {
      throw new ToolException("a body is sent only with POST");
    }
    var contentType = optional(arguments, "contentType", "text/plain; charset=UTF-8");
    var guard = guardFor(context);
    var target = guard.check(url);
    for (int redirects = 0; ; redirects++) {
      var response = exchange.send(target, method, body, contentType);
      if (response.location() == null) {
        return response.render(target.uri());
      }
      if (redirects == MAX_REDIRECTS) {
        throw new ToolException("too many redirects (more than " + MAX_REDIRECTS + ")");
      }
      if (response.status() == 303 || (response.status() <= 302 && method.equals("POST"))) {
        method = "GET";
        body = null;
      }
      target = guard.check(HttpExchange.resolve(target.uri(), response.location()));
    }
  }

  private HttpFetchGuard guardFor(ToolContext context) throws ToolException {
    var settings = context.settingsOf("http_fetch");
    if (settings.isEmpty()) {
      return guard;
    }
    try {
      return guard.forAgent(
          AgentToolSettings.fetchAllow(settings), AgentToolSettings.fetchDeny(settings));
    } catch (org.agentry.platform.entity.InvalidInputException e) {
      throw new ToolException("the agent's toolSettings.http_fetch is invalid: " + e.getMessage());
    }
  }

  private static String optional(JsonObject arguments, String name, String fallback)
      throws ToolException {
    var value = arguments.get(name);
    if (value == null || value.getValueType() == JsonObject.ValueType.NULL) {
      return fallback;
    }
    if (!(value instanceof JsonString text)) {
      throw new ToolException("argument '" + name + "' must be a string");
    }
    return text.getString();
  }

  private static List<String> entries(Optional<String> setting) {
    return setting.stream()
        .flatMap(s -> Arrays.stream(s.split(",")))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
