/**
 * {@code /api/v1/audit}: the audit log for admins, as JSON pages and as CSV, and the filter that
 * tells the audit log who is calling.
 */
package org.agentry.audit.rest;
