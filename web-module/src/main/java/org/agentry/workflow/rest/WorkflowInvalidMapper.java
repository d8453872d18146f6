package org.agentry.workflow.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.agentry.platform.entity.Jsons;
import org.agentry.platform.rest.Problem;
import org.agentry.workflow.control.WorkflowInvalidException;

/**
 * 422 {@code WORKFLOW_INVALID}: RFC 9457 problem+json with the extension members {@code path} (the
 * JSON path of the first bad node, e.g. {@code $.root.steps[2]}) and {@code errors} (every
 * violation found, each {@code {path, message}}).
 */
@Provider
public class WorkflowInvalidMapper implements ExceptionMapper<WorkflowInvalidException> {

  @Override
  public Response toResponse(WorkflowInvalidException e) {
    var problem =
        new Problem(422, "WORKFLOW_INVALID", "Workflow definition invalid", e.getMessage());
    var errors = Jsons.createArrayBuilder();
    for (var violation : e.violations()) {
      errors.add(
          Jsons.createObjectBuilder()
              .add("path", violation.path())
              .add("message", violation.message()));
    }
    var json =
        Jsons.createObjectBuilder()
            .add("type", problem.type())
            .add("title", problem.title())
            .add("status", problem.status())
            .add("detail", problem.detail())
            .add("code", problem.code())
            .add("path", e.violations().get(0).path())
            .add("errors", errors);
    return Response.status(422)
        .type(MediaType.valueOf(Problem.MEDIA_TYPE))
        .entity(json.build().toString())
        .build();
  }
}
