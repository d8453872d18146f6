/**
 * Approval policies (which tool calls of an agent need a person's decision, and whose) and the
 * writing of pending approvals when a run parks on one. Deciding them is the boundary's.
 */
package org.agentry.approval.control;
