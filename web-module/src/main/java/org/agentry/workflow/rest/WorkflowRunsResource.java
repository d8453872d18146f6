package org.agentry.workflow.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.KeysetCursor;
import org.agentry.platform.rest.Paging;
import org.agentry.security.entity.Role;
import org.agentry.workflow.boundary.WorkflowRuns;
import org.agentry.workflow.entity.WorkflowStatus;

/**
 * {@code /api/v1/workflow-runs}: viewers read runs and their nodes; operators cancel them. Unknown
 * ids get 404 {@code WORKFLOW_RUN_NOT_FOUND}.
 */
@ApplicationScoped
@Path("v1/workflow-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class WorkflowRunsResource {

  /** A page of runs, newest first, without their nodes; {@code nextCursor} absent on the last. */
  public record RunPage(List<RunResponse> items, String nextCursor) {}

  @Inject WorkflowRuns runs;

  /** Runs matching the filters; pass {@code nextCursor} as {@code cursor} for the next page. */
  @GET
  public RunPage list(
      @QueryParam("workflow") String workflow,
      @QueryParam("status") String status,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    int size = Paging.limit(limit);
    var position = KeysetCursor.parse(cursor);
    var after =
        position == null ? null : new WorkflowRuns.Cursor(position.createdAt(), position.id());
    var page = runs.list(workflow, status(status), after, size);
    var items = page.stream().map(r -> RunResponse.of(r, null)).toList();
    var last = page.isEmpty() ? null : page.get(page.size() - 1);
    var next =
        page.size() == size ? new KeysetCursor(last.getCreatedAt(), last.getId()).encode() : null;
    return new RunPage(items, next);
  }

  /** One run with every node reached: its state, task, output or error. */
  @GET
  @Path("{id}")
  public RunResponse get(@PathParam("id") String id) {
    return RunResponse.of(runs.get(id));
  }

  /** Cancels the run and its active steps' tasks; 409 {@code WORKFLOW_RUN_FINISHED} if it ended. */
  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Role.OPERATOR_NAME)
  public RunResponse cancel(@PathParam("id") String id) {
    return RunResponse.of(runs.cancel(id));
  }

  private static WorkflowStatus status(String status) {
    try {
      return status == null ? null : WorkflowStatus.fromApiName(status);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(e.getMessage());
    }
  }
}
