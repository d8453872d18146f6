package org.agentry.client.api;

import jakarta.json.JsonObject;
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

/**
 * {@code /api/v1/workflows}: reading needs the viewer role, changing and running the operator role.
 * Bodies are JSON objects as the README's "Workflows" section shows them. Unknown names answer 404
 * {@code WORKFLOW_NOT_FOUND}; a definition that breaks a rule 422 {@code WORKFLOW_INVALID} with the
 * {@code path} of the bad node.
 */
@Path("v1/workflows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface WorkflowsApi {

  /** Every workflow, by name. */
  @GET
  List<JsonObject> list();

  /** One workflow; its {@code version} is its ETag. */
  @GET
  @Path("{name}")
  JsonObject get(@PathParam("name") String name);

  /**
   * Creates a workflow from {@code {name, description?, definition}} (201); 409 {@code
   * WORKFLOW_EXISTS}.
   */
  @POST
  JsonObject create(JsonObject workflow);

  /**
   * Replaces a workflow if it is still at the version {@code ifMatch} names ({@code "\"3\""}); 412
   * when it changed since, 428 without the header.
   */
  @PUT
  @Path("{name}")
  JsonObject replace(
      @PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, JsonObject workflow);

  /** Deletes a workflow (204); its runs stay. */
  @DELETE
  @Path("{name}")
  Response delete(@PathParam("name") String name);

  /**
   * Starts a run from {@code {input, priority?}} (202; priority 0–9 of its steps' tasks, default
   * 4): the run with its first nodes.
   */
  @POST
  @Path("{name}/runs")
  JsonObject run(@PathParam("name") String name, JsonObject request);
}
