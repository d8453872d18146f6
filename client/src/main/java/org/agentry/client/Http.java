package org.agentry.client;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Map;

/**
 * The HTTP plumbing every part of the client shares: one JAX-RS {@link Client}, the API's base
 * target and the {@link Proxies} of the annotated interfaces; requests the interfaces cannot
 * express (an ETag read with the body, nested file paths, event streams) are sent here. Error
 * answers become {@link AgentryException}s and broken connections {@link
 * AgentryConnectionException}s.
 */
final class Http {

  /** Built once: {@code Json.createReader} would look the provider up on every call. */
  static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  /** Built once, as {@link #JSON}. */
  static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

  private static final String PROBLEM = "application/problem+json";
  private static final int MAX_DETAIL = 500;

  final Client client;
  final WebTarget api;

  /** The client's implementations of the {@code org.agentry.client.api} interfaces. */
  final Proxies proxies;

  /** The read timeout of event streams, ms. */
  final long streamReadTimeoutMs;

  /**
   * @param root the target of {@code <base>/api}
   */
  Http(Client client, WebTarget root, long streamReadTimeoutMs) {
    this.client = client;
    this.api = root.path("v1");
    this.proxies = new Proxies(root);
    this.streamReadTimeoutMs = streamReadTimeoutMs;
  }

  /** {@code api/v1/<path>}, the segments encoded as path segments. */
  WebTarget path(String... segments) {
    var target = api;
    for (var segment : segments) {
      target = target.path("{s}").resolveTemplate("s", segment);
    }
    return target;
  }

  /** Sends the request; a 2xx answer comes back open, anything else is thrown. */
  Response call(Invocation.Builder request, String method, Entity<?> entity) {
    Response response;
    try {
      response = entity == null ? request.method(method) : request.method(method, entity);
    } catch (ProcessingException e) {
      throw new AgentryConnectionException("Cannot reach the server: " + e.getMessage(), e);
    }
    if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
      throw error(response);
    }
    return response;
  }

  <T> T read(Response response, Class<T> type) {
    try (response) {
      return type == Void.class ? null : response.readEntity(type);
    } catch (ProcessingException e) {
      throw new AgentryConnectionException("Cannot read the answer: " + e.getMessage(), e);
    }
  }

  /** The exception for an error answer: its problem, or {@code HTTP_<status>} and the body. */
  static AgentryException error(Response response) {
    int status = response.getStatus();
    String body;
    try (response) {
      body = response.hasEntity() ? response.readEntity(String.class) : "";
    } catch (ProcessingException e) {
      body = "";
    }
    var problem = problem(response.getMediaType(), body);
    var reason = response.getStatusInfo().getReasonPhrase();
    if (problem != null && problem.get("code") instanceof JsonString code) {
      return AgentryException.of(
          status,
          code.getString(),
          problem.getString("title", reason),
          problem.getString("detail", null),
          problem);
    }
    var detail = body.length() > MAX_DETAIL ? body.substring(0, MAX_DETAIL) : body;
    return AgentryException.of(status, "HTTP_" + status, reason, detail.strip(), problem);
  }

  private static JsonObject problem(MediaType type, String body) {
    if (type == null || body.isBlank()) {
      return null;
    }
    var name = type.getType() + "/" + type.getSubtype();
    if (!name.equals(PROBLEM) && !name.equals(MediaType.APPLICATION_JSON)) {
      return null;
    }
    try (var reader = JSON.createReader(new StringReader(body))) {
      return reader.read() instanceof JsonObject object ? object : null;
    } catch (JsonParsingException e) {
      return null;
    }
  }
}
