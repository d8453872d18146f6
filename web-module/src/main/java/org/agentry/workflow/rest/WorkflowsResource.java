package org.agentry.workflow.rest;

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
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Versions;
import org.agentry.security.entity.Role;
import org.agentry.workflow.boundary.WorkflowRuns;
import org.agentry.workflow.boundary.Workflows;
import org.agentry.workflow.entity.WorkflowDefinition;

/**
 * {@code /api/v1/workflows}: viewers read; operators create, replace (with {@code If-Match}),
 * delete and run workflows. Unknown names get 404 {@code WORKFLOW_NOT_FOUND}; a definition that
 * breaks a rule 422 {@code WORKFLOW_INVALID} with the JSON path of the bad node.
 */
@ApplicationScoped
@Path("v1/workflows")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class WorkflowsResource {

  /**
   * Body of {@code POST …/runs}: the run's input, 1 to 100,000 characters, and the JMS priority of
   * its steps' tasks, 0 to 9 (default 4).
   */
  public record RunRequest(String input, Integer priority) {}

  @Inject Workflows workflows;
  @Inject WorkflowRuns runs;

  /** Every workflow, by name. */
  @GET
  public List<WorkflowResponse> list() {
    return workflows.list().stream().map(WorkflowResponse::of).toList();
  }

  /** One workflow, with its ETag. */
  @GET
  @Path("{name}")
  public Response get(@PathParam("name") String name) {
    return withEtag(Response.ok(), workflows.get(name));
  }

  /**
   * Creates a workflow → 201 with {@code Location} and {@code ETag}; 409 {@code WORKFLOW_EXISTS}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response create(WorkflowRequest request, @Context UriInfo uri) {
    var body = required(request);
    var workflow = workflows.create(body.name(), body.description(), body.definition());
    var location = uri.getAbsolutePathBuilder().path(workflow.getName()).build();
    return withEtag(Response.created(location), workflow);
  }

  /**
   * Replaces a workflow's description and definition. Needs {@code If-Match} with the ETag read:
   * 428 without it, 412 when the workflow changed since.
   */
  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response replace(
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch,
      WorkflowRequest request) {
    var version = Versions.required(ifMatch);
    var body = required(request);
    if (body.name() != null && !body.name().equals(name)) {
      throw ApiException.validation("'name' cannot change; it must be '" + name + "' or absent.");
    }
    var current = version == null ? workflows.get(name).getVersion() : version;
    return withEtag(
        Response.ok(), workflows.replace(name, current, body.description(), body.definition()));
  }

  /** Deletes a workflow → 204; its runs stay. */
  @DELETE
  @Path("{name}")
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response delete(@PathParam("name") String name) {
    workflows.delete(name);
    return Response.noContent().build();
  }

  /**
   * Starts a run → 202 with {@code Location} ({@code /api/v1/workflow-runs/{id}}) and the run; 400
   * {@code VALIDATION_FAILED} without an input.
   */
  @POST
  @Path("{name}/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response run(@PathParam("name") String name, RunRequest request, @Context UriInfo uri) {
    if (request == null || request.input() == null) {
      throw ApiException.validation("'input' is required.");
    }
    var detail =
        runs.start(name, request.input(), request.priority() == null ? 4 : request.priority());
    var location =
        uri.getBaseUriBuilder().path("v1/workflow-runs").path(detail.run().getId()).build();
    return Response.accepted(RunResponse.of(detail)).location(location).build();
  }

  private static WorkflowRequest required(WorkflowRequest request) {
    if (request == null) {
      throw ApiException.validation("A JSON body describing the workflow is required.");
    }
    if (request.definition() == null) {
      throw ApiException.validation("'definition' is required: {\"root\": <node>}.");
    }
    return request;
  }

  private static Response withEtag(Response.ResponseBuilder builder, WorkflowDefinition workflow) {
    return builder
        .tag(Versions.etag(workflow.getVersion()))
        .entity(WorkflowResponse.of(workflow))
        .build();
  }
}
