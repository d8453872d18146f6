package org.agentry.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.agentry.client.model.TaskAccepted;
import org.agentry.client.model.TaskRequest;

/**
 * {@code POST /api/v1/agents/{name}/tasks} (operator): hands an agent a task that runs in the
 * background (202). Errors: 404 {@code AGENT_NOT_FOUND}, 409 {@code AGENT_PAUSED}, 429 {@code
 * BUDGET_EXHAUSTED}, 400 {@code VALIDATION_FAILED}, 409 {@code IDEMPOTENCY_KEY_REUSED}.
 */
@Path("v1/agents/{name}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public interface AgentTasksApi {

  /**
   * Submits a task described as JSON.
   *
   * @param idempotencyKey null, or a key under which a repeat (per agent, 24 h) answers the first
   *     task
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  TaskAccepted submit(
      @PathParam("name") String agent,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      TaskRequest task);

  /**
   * Submits a task whose input is an XML document: the agent's typed payload element, checked
   * against its schema (422 {@code INVALID_PAYLOAD} otherwise), or an envelope.
   *
   * @param sessionId a session to go on in, or null
   */
  @POST
  @Consumes(MediaType.APPLICATION_XML)
  TaskAccepted submitXml(
      @PathParam("name") String agent,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @QueryParam("sessionId") String sessionId,
      String xml);
}
