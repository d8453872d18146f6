package org.agentry.task.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.agentry.agent.boundary.Agents;
import org.agentry.payload.rest.XmlBodies;
import org.agentry.platform.rest.ApiException;
import org.agentry.security.entity.Role;
import org.agentry.task.boundary.Tasks;

/**
 * {@code POST /api/v1/agents/{name}/tasks}: hands the agent a task → 202 {@code {taskId, status}}
 * with {@code Location}. An {@code Idempotency-Key} header makes a retried submit return the same
 * task, also when the two arrive at once; the same key with a different request gets 409 {@code
 * IDEMPOTENCY_KEY_REUSED}. Keys belong to the agent and live {@code
 * agentry.tasks.idempotency-key-hours} (24).
 */
@ApplicationScoped
@Path("v1/agents/{name}/tasks")
@RolesAllowed(Role.OPERATOR_NAME)
public class AgentTasksResource {

  /** The answer to a submit. */
  public record Accepted(String taskId, String status) {}

  private static final Jsonb CANONICAL = JsonbBuilder.create();

  @Inject Tasks tasks;
  @Inject Agents agents;

  /** Submits a task; 404 for an unknown agent, 409 {@code AGENT_PAUSED} for a paused one. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response submit(
      @PathParam("name") String agent,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      CreateTaskRequest request,
      @Context UriInfo uri) {
    if (request == null) {
      throw ApiException.validation("A JSON body with 'input' is required.");
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
      throw ApiException.validation("'Idempotency-Key' must be 1 to 255 characters.");
    }
    var spec = request.toSpec(Instant.now());
    var hash = idempotencyKey == null ? null : hash(agent, request);
    Tasks.Submitted submitted;
    try {
      submitted = tasks.submit(agent, spec, idempotencyKey, hash);
    } catch (EJBException e) {
      if (idempotencyKey == null) {
        throw e;
      }
      // two submits with one key at once: the other took the key; answer as a repeat would
      submitted = tasks.submit(agent, spec, idempotencyKey, hash);
    }
    var task = submitted.task();
    var location = uri.getBaseUriBuilder().path("v1/tasks").path(task.getId()).build();
    return Response.accepted(new Accepted(task.getId(), task.getStatus().apiName()))
        .location(location)
        .build();
  }

  /**
   * Submits a task whose input is an XML payload: the body is the payload, validated against the
   * agent's schema before anything is stored. {@code ?sessionId=} continues a session; priority and
   * limits take their defaults. 415 {@code XML_NOT_ACCEPTED} for an agent without a payload type;
   * 422 {@code XML_INVALID}, {@code XML_NOT_WELL_FORMED} or {@code XML_DOCTYPE_REFUSED} with the
   * line and column for a refused payload.
   */
  @POST
  @Consumes(XmlBodies.XML)
  @Produces(MediaType.APPLICATION_JSON)
  public Response submitXml(
      @PathParam("name") String agent,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @QueryParam("sessionId") String sessionId,
      String body,
      @Context UriInfo uri) {
    XmlBodies.requireTyped(agent, agents.payloadType(agent));
    var request =
        new CreateTaskRequest(
            XmlBodies.required(body),
            null,
            null,
            sessionId,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return submit(agent, idempotencyKey, request, uri);
  }

  /** SHA-256 of the agent and the request's canonical JSON (members sorted, nulls left out). */
  private static String hash(String agent, CreateTaskRequest request) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update((agent + "\n" + CANONICAL.toJson(request)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
