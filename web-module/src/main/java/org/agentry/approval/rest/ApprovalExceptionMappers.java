package org.agentry.approval.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.agentry.approval.boundary.ApproverRoleRequiredException;
import org.agentry.approval.control.InvalidApprovalPolicyException;
import org.agentry.platform.rest.Problem;

/**
 * Maps approval problems: 403 {@code APPROVER_ROLE_REQUIRED}, 422 {@code INVALID_APPROVAL_POLICY}.
 */
public final class ApprovalExceptionMappers {

  private ApprovalExceptionMappers() {}

  /** 403 {@code APPROVER_ROLE_REQUIRED}. */
  @Provider
  public static class ApproverRoleRequired
      implements ExceptionMapper<ApproverRoleRequiredException> {
    @Override
    public Response toResponse(ApproverRoleRequiredException e) {
      return new Problem(403, "APPROVER_ROLE_REQUIRED", "Forbidden", e.getMessage()).toResponse();
    }
  }

  /** 422 {@code INVALID_APPROVAL_POLICY}. */
  @Provider
  public static class InvalidPolicy implements ExceptionMapper<InvalidApprovalPolicyException> {
    @Override
    public Response toResponse(InvalidApprovalPolicyException e) {
      return new Problem(422, "INVALID_APPROVAL_POLICY", "Unprocessable content", e.getMessage())
          .toResponse();
    }
  }
}
