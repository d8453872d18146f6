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
import org.agentry.client.model.McpServer;
import org.agentry.client.model.McpServerRequest;
import org.agentry.client.model.McpTool;

/**
 * {@code /api/v1/mcp-servers}: reading needs the viewer role, changing the admin role; header and
 * environment values are write-only. Unknown names answer 404 {@code MCP_SERVER_NOT_FOUND}; a
 * server that does not answer 502 {@code MCP_SERVER_UNREACHABLE}.
 */
@Path("v1/mcp-servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface McpServersApi {

  /** Every registered server. */
  @GET
  List<McpServer> list();

  /** One server (its ETag comes as a header). */
  @GET
  @Path("{name}")
  McpServer get(@PathParam("name") String name);

  /** The tools the server offers now (it is connected to if need be). */
  @GET
  @Path("{name}/tools")
  List<McpTool> tools(@PathParam("name") String name);

  /** Registers a server (201); 409 {@code MCP_SERVER_EXISTS}. */
  @POST
  McpServer create(McpServerRequest server);

  /**
   * Replaces a server's settings; with {@code ifMatch} ({@code "\"3\""}) only if it is still at
   * that version (412 otherwise), or null to replace unconditionally.
   */
  @PUT
  @Path("{name}")
  McpServer replace(
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch,
      McpServerRequest server);

  /** Removes a server (204). */
  @DELETE
  @Path("{name}")
  Response delete(@PathParam("name") String name);
}
