package org.agentry.mcp.rest;

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
import org.agentry.mcp.boundary.McpServers;
import org.agentry.mcp.boundary.McpToolInfo;
import org.agentry.mcp.entity.McpServer;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Versions;
import org.agentry.security.entity.Role;

/**
 * {@code /api/v1/mcp-servers}: viewers and operators read; admins register, change and remove. 409
 * {@code MCP_SERVER_EXISTS} when {@code POST} names a taken server; {@code PUT} takes {@code
 * If-Match} (412 when the server changed since); 404 {@code MCP_SERVER_NOT_FOUND}. Header and env
 * values are write-only.
 */
@ApplicationScoped
@Path("v1/mcp-servers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class McpServersResource {

  @jakarta.inject.Inject org.agentry.tenant.rest.PlatformAdminCheck platformAdmin;

  @Inject McpServers servers;

  /** Every server, by name. */
  @GET
  public List<McpServerResponse> list() {
    return servers.list().stream().map(McpServerResponse::of).toList();
  }

  /** One server with its ETag. */
  @GET
  @Path("{name}")
  public Response get(@PathParam("name") String name) {
    return withEtag(Response.ok(), servers.get(name));
  }

  /** The server's tools, asked of it; 502 {@code MCP_SERVER_UNREACHABLE}. */
  @GET
  @Path("{name}/tools")
  public List<McpToolInfo> tools(@PathParam("name") String name) {
    return servers.tools(name);
  }

  /** Registers a server → 201 with {@code Location}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_NAME)
  public Response create(McpServerRequest request, @Context UriInfo uri) {
    platformAdmin.require();
    var body = required(request);
    var server = servers.create(body.name(), body.toSpec(), body.headers(), body.env());
    var location = uri.getAbsolutePathBuilder().path(server.getName()).build();
    return withEtag(Response.created(location), server);
  }

  /** Replaces a server's settings → 200 with the new ETag. */
  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_NAME)
  public Response replace(
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch,
      McpServerRequest request) {
    platformAdmin.require();
    var body = required(request);
    if (body.name() != null && !body.name().equals(name)) {
      throw ApiException.validation("'name' cannot change; it must be '" + name + "' or absent.");
    }
    var version = ifMatch == null ? null : Versions.required(ifMatch);
    var server = servers.replace(name, version, body.toSpec(), body.headers(), body.env());
    return withEtag(Response.ok(), server);
  }

  /** Removes a server → 204. */
  @DELETE
  @Path("{name}")
  @RolesAllowed(Role.ADMIN_NAME)
  public Response delete(@PathParam("name") String name) {
    platformAdmin.require();
    servers.delete(name);
    return Response.noContent().build();
  }

  private static McpServerRequest required(McpServerRequest request) {
    if (request == null) {
      throw ApiException.validation("A JSON body describing the MCP server is required.");
    }
    return request;
  }

  private static Response withEtag(Response.ResponseBuilder builder, McpServer server) {
    return builder
        .tag(Versions.etag(server.getVersion()))
        .entity(McpServerResponse.of(server))
        .build();
  }
}
