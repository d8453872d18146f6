/**
 * {@code /api/v1/approvals}: pending and decided approvals of tool calls (viewers read; the
 * approval's approver role, or admin, decides), and the mapping of approval problems.
 */
package org.agentry.approval.rest;
