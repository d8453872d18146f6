/**
 * Approvals: tool calls held for a person's decision by the agent's approval policy, with the role
 * that may decide, the decision, who made it and when. Running the call is not done here.
 */
package org.agentry.approval.entity;
