package org.agentry.client;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.agentry.client.api.ApprovalsApi;
import org.agentry.client.api.AuditApi;
import org.agentry.client.api.CapabilitiesApi;
import org.agentry.client.api.InfoApi;
import org.agentry.client.api.InjectApi;
import org.agentry.client.api.MeApi;
import org.agentry.client.api.MessagesApi;
import org.agentry.client.api.ModelsApi;
import org.agentry.client.api.OrganismApi;
import org.agentry.client.api.SensorEventsApi;
import org.agentry.client.api.SessionsApi;
import org.agentry.client.api.ThreadsApi;
import org.agentry.client.model.Me;

/**
 * A typed client of one Agentry server:
 *
 * <pre>{@code
 * try (var agentry = AgentryClient.builder().baseUrl("http://localhost:8080").token(token).build()) {
 *   var accepted = agentry.tasks().submit("notes", TaskRequest.of("Summarise today.md"));
 *   var task = agentry.tasks().await(accepted.taskId(), event -> System.out.println(event.type()));
 * }
 * }</pre>
 *
 * <p>Every method sends one request (the paging helper and {@link Tasks#await} one per page or
 * stream) and throws {@link AgentryException} (with the problem's {@code code}) for an error answer
 * and {@link AgentryConnectionException} when the server cannot be reached. A client is
 * thread-safe; build one per server and token and close it when done.
 */
public final class AgentryClient implements AutoCloseable {

  private final Http http;

  private AgentryClient(Http http) {
    this.http = http;
  }

  /** A builder; a base URL is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Agents: list, get, create, update, pause, resume, delete. */
  public Agents agents() {
    return new Agents(http);
  }

  /** Model providers: list, get, create, delete. */
  public Providers providers() {
    return new Providers(http);
  }

  /** Tasks: submit, get, list and page, cancel, respond, events and their stream. */
  public Tasks tasks() {
    return new Tasks(http);
  }

  /** Schedules: list, get, create, pause, resume, run now, delete. */
  public Schedules schedules() {
    return new Schedules(http);
  }

  /** Usage reports and the CSV export. */
  public Usage usage() {
    return new Usage(http);
  }

  /** API keys (admin). */
  public ApiKeys apiKeys() {
    return new ApiKeys(http);
  }

  /** The dispatch switch and queue state. */
  public Dispatch dispatch() {
    return new Dispatch(http);
  }

  /** Sessions: list, get with tool calls, transcript (JSON or XML envelopes), delete, kill. */
  public SessionsApi sessions() {
    return api(SessionsApi.class);
  }

  /** Threads between agents: list, get, messages, kill. */
  public ThreadsApi threads() {
    return api(ThreadsApi.class);
  }

  /** Messages across sessions. */
  public MessagesApi messages() {
    return api(MessagesApi.class);
  }

  /** Injecting a message into a thread, as JSON or as an XML envelope. */
  public InjectApi inject() {
    return api(InjectApi.class);
  }

  /** Skills: list, get, create or ingest a zip, replace, delete, discover. */
  public Skills skills() {
    return new Skills(http);
  }

  /** Sensor events: post (deduplicated) and list. */
  public SensorEventsApi sensorEvents() {
    return api(SensorEventsApi.class);
  }

  /** Goals: submit, list, get (plan, steps, usage), cancel, events and stream. */
  public org.agentry.client.api.GoalsApi goals() {
    return api(org.agentry.client.api.GoalsApi.class);
  }

  /** Approvals of tool calls: list, get, approve, deny. */
  public ApprovalsApi approvals() {
    return api(ApprovalsApi.class);
  }

  /** Registered MCP servers (admin writes) and their tools. */
  public org.agentry.client.api.McpServersApi mcpServers() {
    return api(org.agentry.client.api.McpServersApi.class);
  }

  /** The audit log (admin): query and CSV export. */
  public AuditApi audit() {
    return api(AuditApi.class);
  }

  /** The installation: state, settings, reload, stop. */
  public OrganismApi organism() {
    return api(OrganismApi.class);
  }

  /** What agents can be given: tools, agents, skills with their schemas. */
  public CapabilitiesApi capabilities() {
    return api(CapabilitiesApi.class);
  }

  /** The models each provider offers. */
  public ModelsApi models() {
    return api(ModelsApi.class);
  }

  /** Workflow definitions: create, read, replace, delete, run. */
  public org.agentry.client.api.WorkflowsApi workflows() {
    return api(org.agentry.client.api.WorkflowsApi.class);
  }

  /** Workflow runs: list, read with their nodes, cancel. */
  public org.agentry.client.api.WorkflowRunsApi workflowRuns() {
    return api(org.agentry.client.api.WorkflowRunsApi.class);
  }

  /** The server's name and version. */
  public InfoApi info() {
    return api(InfoApi.class);
  }

  /**
   * Any interface of {@code org.agentry.client.api}, one per server resource, covering every route
   * of the API (a build test compares them with the server's resources). Its methods throw as this
   * client's do; those returning a {@code Response} return only 2xx answers, which the caller
   * closes.
   */
  public <T> T api(Class<T> api) {
    return http.proxies.of(api);
  }

  /** {@code GET /api/v1/me}: who the token belongs to and its roles. */
  public Me me() {
    return api(MeApi.class).get();
  }

  /** Closes the underlying JAX-RS client and its connections. */
  @Override
  public void close() {
    http.client.close();
  }

  /** Settings of a client. */
  public static final class Builder {
    private URI baseUrl;
    private String token;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * The server's root, e.g. {@code http://localhost:8080} (without {@code /api}).
     *
     * @throws IllegalArgumentException for a URL that is not {@code http} or {@code https}
     */
    public Builder baseUrl(String url) {
      var text = Objects.requireNonNull(url, "url").strip();
      var parsed = URI.create(text.endsWith("/") ? text : text + "/");
      var scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null) {
        throw new IllegalArgumentException(
            "'" + text + "' is no http:// or https:// URL with a host");
      }
      this.baseUrl = parsed;
      return this;
    }

    /** The bearer token: the admin token, an API key or a JWT; null sends none. */
    public Builder token(String bearer) {
      this.token = bearer == null || bearer.isBlank() ? null : bearer.strip();
      return this;
    }

    /** How long to wait for a connection; default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /**
     * How long to wait for an answer's data; default 60 s. Event streams wait at least 60 s, four
     * times the server's 15 s keepalive.
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException without a base URL
     */
    public AgentryClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("A base URL is required.");
      }
      var bearer = token;
      ClientRequestFilter auth =
          request -> {
            if (bearer != null) {
              request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
            }
          };
      Client client =
          ClientBuilder.newBuilder()
              .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
              .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
              .register(auth)
              .build();
      var root = client.target(baseUrl).path("api");
      return new AgentryClient(new Http(client, root, Math.max(60_000, readTimeout.toMillis())));
    }
  }
}
