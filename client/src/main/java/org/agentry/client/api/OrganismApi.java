package org.agentry.client.api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.agentry.client.model.OrganismState;
import org.agentry.client.model.StopRequest;

/**
 * {@code /api/v1/organism}: the installation as a whole. Its state needs the viewer role, the rest
 * the admin role.
 */
@Path("v1/organism")
@Produces(MediaType.APPLICATION_JSON)
public interface OrganismApi {

  /** Nodes, counts, dispatch and drain state. */
  @GET
  OrganismState state();

  /** Every setting with its value and where it came from; secrets are masked. */
  @GET
  @Path("config")
  JsonObject config();

  /** Reloads agents, skills and settings that can change at run time. */
  @POST
  @Path("reload")
  JsonObject reload();

  /** Drains and stops this node (202): no new claims, running tasks get the deadline. */
  @POST
  @Path("stop")
  @Consumes(MediaType.APPLICATION_JSON)
  JsonObject stop(StopRequest request);
}
