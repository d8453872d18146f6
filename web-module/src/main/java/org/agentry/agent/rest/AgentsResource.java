package org.agentry.agent.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.agentry.agent.boundary.AgentPackageLoader;
import org.agentry.agent.boundary.Agents;
import org.agentry.agent.boundary.ReloadReport;
import org.agentry.agent.entity.Agent;
import org.agentry.payload.rest.XmlBodies;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Versions;
import org.agentry.security.entity.Role;

/**
 * {@code /api/v1/agents}: viewers read; operators and admins create, replace (with {@code
 * If-Match}), delete, pause and resume.
 */
@ApplicationScoped
@Path("v1/agents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class AgentsResource {

  @jakarta.inject.Inject org.agentry.tenant.rest.PlatformAdminCheck platformAdmin;

  @Inject Agents agents;
  @Inject AgentPackageLoader packages;

  /** Every agent, by name. */
  @GET
  public List<AgentResponse> list() {
    return agents.list().stream().map(AgentResponse::of).toList();
  }

  /** One agent, with its ETag; 404 {@code AGENT_NOT_FOUND}. */
  @GET
  @Path("{name}")
  public Response get(@PathParam("name") String name) {
    return withEtag(Response.ok(), agents.get(name));
  }

  /** Creates an agent → 201 with {@code Location} and {@code ETag}; 409 {@code AGENT_EXISTS}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response create(AgentRequest request, @Context UriInfo uri) {
    var body = required(request);
    var agent = agents.create(body.name(), body.toSpec());
    var location = uri.getAbsolutePathBuilder().path(agent.getName()).build();
    return withEtag(Response.created(location), agent);
  }

  /**
   * Replaces an agent's definition. Needs {@code If-Match} with the ETag read: 428 without it, 412
   * when the agent changed since.
   */
  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response replace(
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch,
      AgentRequest request) {
    var version = Versions.required(ifMatch);
    var body = required(request);
    if (body.name() != null && !body.name().equals(name)) {
      throw ApiException.validation("'name' cannot change; it must be '" + name + "' or absent.");
    }
    var current = version == null ? agents.get(name).getVersion() : version;
    return withEtag(Response.ok(), agents.replace(name, current, body.toSpec()));
  }

  /** Deletes an agent → 204. */
  @DELETE
  @Path("{name}")
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response delete(@PathParam("name") String name) {
    agents.delete(name);
    return Response.noContent().build();
  }

  /** Pauses an agent: new chats and tasks get 409 {@code AGENT_PAUSED}. */
  @POST
  @Path("{name}/pause")
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response pause(@PathParam("name") String name) {
    return withEtag(Response.ok(), agents.pause(name));
  }

  /** Resumes a paused agent. */
  @POST
  @Path("{name}/resume")
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response resume(@PathParam("name") String name) {
    return withEtag(Response.ok(), agents.resume(name));
  }

  /** Reloads agent packages from {@code agentry.agents.dir}: what was added, changed, removed. */
  @POST
  @Path("reload")
  @RolesAllowed(Role.ADMIN_NAME)
  public ReloadReport reload() {
    platformAdmin.require();
    return packages.reload();
  }

  /**
   * The agent's payload schema, the XSD document as given; 404 {@code AGENT_NOT_FOUND}, or 404
   * {@code PAYLOAD_SCHEMA_NOT_FOUND} when the agent has no payload type.
   */
  @GET
  @Path("{name}/schema")
  @Produces(XmlBodies.XML)
  public String schema(@PathParam("name") String name) {
    return agents.payloadSchema(name);
  }

  /**
   * The agent as a package: a zip holding {@code <name>/AGENT.md} and {@code <name>/agent.json}.
   */
  @GET
  @Path("{name}/package")
  @Produces("application/zip")
  public Response exportPackage(@PathParam("name") String name) {
    return Response.ok(agents.exportPackage(name))
        .header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"")
        .build();
  }

  private static AgentRequest required(AgentRequest request) {
    if (request == null) {
      throw ApiException.validation("A JSON body describing the agent is required.");
    }
    return request;
  }

  private static Response withEtag(Response.ResponseBuilder builder, Agent agent) {
    return builder.tag(Versions.etag(agent.getVersion())).entity(AgentResponse.of(agent)).build();
  }
}
