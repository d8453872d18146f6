/**
 * Approvals as people see them: listing, reading and deciding them (the decision resumes the
 * waiting task), and the sweep that denies those nobody decided in time. Holding a call for
 * approval is the agent loop's ({@code run}); the policy is {@code approval.control}'s.
 */
package org.agentry.approval.boundary;
