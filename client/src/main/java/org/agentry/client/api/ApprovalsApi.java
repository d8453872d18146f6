package org.agentry.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agentry.client.model.Approval;
import org.agentry.client.model.Decision;

/**
 * {@code /api/v1/approvals}: tool calls waiting for a person. Deciding needs the approval's {@code
 * approverRole} (403 {@code APPROVER_ROLE_REQUIRED}); a decided one answers 409.
 */
@Path("v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ApprovalsApi {

  /**
   * Approvals, newest first.
   *
   * @param status {@code pending}, {@code approved}, {@code denied}, {@code expired}, {@code
   *     cancelled}, or null
   */
  @GET
  List<Approval> list(@QueryParam("status") String status, @QueryParam("limit") Integer limit);

  /** One approval; 404 {@code APPROVAL_NOT_FOUND}. */
  @GET
  @Path("{id}")
  Approval get(@PathParam("id") String id);

  /** Approves the call: the waiting task runs it and goes on. */
  @POST
  @Path("{id}/approve")
  Approval approve(@PathParam("id") String id, Decision decision);

  /** Denies the call: the model is told it was refused. */
  @POST
  @Path("{id}/deny")
  Approval deny(@PathParam("id") String id, Decision decision);
}
