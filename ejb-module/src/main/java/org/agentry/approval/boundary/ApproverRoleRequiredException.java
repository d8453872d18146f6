package org.agentry.approval.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The caller does not hold the role an approval names as its approver. The REST layer answers 403
 * {@code APPROVER_ROLE_REQUIRED}. Rolls back the transaction.
 */
@ApplicationException(rollback = true)
public class ApproverRoleRequiredException extends RuntimeException {

  /**
   * @param role the approver role the caller lacks
   */
  public ApproverRoleRequiredException(String role) {
    super("Deciding this approval needs the role '" + role + "'.", null, false, false);
  }
}
