package org.agentry.approval.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.agentry.approval.boundary.Approvals;
import org.agentry.approval.boundary.ChatApprovals;
import org.agentry.approval.entity.ApprovalStatus;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Paging;
import org.agentry.security.entity.Role;

/**
 * {@code /api/v1/approvals}: every caller with a role lists and reads approvals; deciding one needs
 * the approval's approver role ({@code operator} by default, or {@code admin}) and is checked per
 * approval: others get 403 {@code APPROVER_ROLE_REQUIRED}, a decided one 409 {@code
 * APPROVAL_DECIDED}, an unknown id 404 {@code APPROVAL_NOT_FOUND}.
 */
@ApplicationScoped
@Path("v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class ApprovalsResource {

  /**
   * Body of {@code approve} and {@code deny}; may be omitted.
   *
   * @param comment at most 2000 characters, or null
   */
  public record Decision(String comment) {}

  @Inject Approvals approvals;
  @Inject ChatApprovals chats;

  /** Approvals oldest first, {@code ?status=pending|approved|denied|expired&limit=50} (1–200). */
  @GET
  public List<ApprovalResponse> list(
      @QueryParam("status") String status, @QueryParam("limit") Integer limit) {
    return approvals.list(status(status), Paging.limit(limit)).stream()
        .map(ApprovalResponse::of)
        .toList();
  }

  /** One approval. */
  @GET
  @Path("{id}")
  public ApprovalResponse get(@PathParam("id") String id) {
    return ApprovalResponse.of(approvals.get(id));
  }

  /**
   * Approves the call: its task resumes and the tool runs with the approved arguments; a chat's
   * call runs now, in this request, and its result is stored in the session for the next turn.
   */
  @POST
  @Path("{id}/approve")
  public ApprovalResponse approve(
      @PathParam("id") String id, Decision decision, @Context SecurityContext security) {
    return decide(id, true, decision, security);
  }

  /** Denies the call: the model gets the tool error {@code denied by <who>: <comment>}. */
  @POST
  @Path("{id}/deny")
  public ApprovalResponse deny(
      @PathParam("id") String id, Decision decision, @Context SecurityContext security) {
    return decide(id, false, decision, security);
  }

  private ApprovalResponse decide(
      String id, boolean approve, Decision decision, SecurityContext security) {
    var comment = decision == null ? null : decision.comment();
    if (comment != null && comment.length() > 2000) {
      throw ApiException.validation("'comment' must be at most 2000 characters.");
    }
    var roles =
        Arrays.stream(Role.values())
            .map(Role::apiName)
            .filter(security::isUserInRole)
            .collect(Collectors.toSet());
    var who = security.getUserPrincipal().getName();
    var decided = approvals.decide(id, approve, who, roles, comment);
    if (approve && decided.getTaskId() == null) {
      chats.run(decided);
    }
    return ApprovalResponse.of(decided);
  }

  private static ApprovalStatus status(String status) {
    try {
      return status == null ? null : ApprovalStatus.fromApiName(status);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(e.getMessage());
    }
  }
}
