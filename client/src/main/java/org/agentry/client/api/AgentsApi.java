package org.agentry.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.agentry.client.model.Agent;
import org.agentry.client.model.AgentRequest;
import org.agentry.client.model.ReloadReport;

/**
 * {@code /api/v1/agents}: reading needs the viewer role, changing the operator role, reloading the
 * definition files the admin role. Unknown names answer 404 {@code AGENT_NOT_FOUND}.
 */
@Path("v1/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AgentsApi {

  /** Every agent, by name. */
  @GET
  List<Agent> list();

  /** One agent; its {@code version} is its ETag. */
  @GET
  @Path("{name}")
  Agent get(@PathParam("name") String name);

  /** Creates an agent (201); 409 {@code AGENT_EXISTS}, 422 for a bad definition. */
  @POST
  Agent create(AgentRequest agent);

  /**
   * Replaces an agent if it is still at the version {@code ifMatch} names ({@code "\"3\""}); 412
   * {@code PRECONDITION_FAILED} when it changed since, 428 without the header.
   */
  @PUT
  @Path("{name}")
  Agent replace(
      @PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, AgentRequest agent);

  /** Deletes an agent (204). */
  @DELETE
  @Path("{name}")
  Response delete(@PathParam("name") String name);

  /** Pauses an agent: new tasks and chats are refused with 409 {@code AGENT_PAUSED}. */
  @POST
  @Path("{name}/pause")
  Agent pause(@PathParam("name") String name);

  /** Resumes a paused agent. */
  @POST
  @Path("{name}/resume")
  Agent resume(@PathParam("name") String name);

  /** Reads the agent definition files again (admin). */
  @POST
  @Path("reload")
  ReloadReport reload();

  /** The XML schema of the agent's typed payload; 404 when it has none. */
  @GET
  @Path("{name}/schema")
  @Produces(MediaType.APPLICATION_XML)
  String schema(@PathParam("name") String name);

  /** The agent as a package: a zip of its definition, prompts and skills. */
  @GET
  @Path("{name}/package")
  @Produces("application/zip")
  byte[] exportPackage(@PathParam("name") String name);
}
