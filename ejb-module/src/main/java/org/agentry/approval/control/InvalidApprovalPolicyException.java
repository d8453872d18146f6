package org.agentry.approval.control;

import jakarta.ejb.ApplicationException;

/**
 * An agent's {@code toolSettings.<tool>.approval} or {@code approver} breaks its rule; the message
 * names the field and the rule. The REST layer answers 422 {@code INVALID_APPROVAL_POLICY}. Rolls
 * back the transaction.
 */
@ApplicationException(rollback = true)
public class InvalidApprovalPolicyException extends RuntimeException {

  public InvalidApprovalPolicyException(String message) {
    super(message, null, false, false);
  }
}
