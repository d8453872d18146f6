/**
 * The audit log's boundary: reading it (filters, keyset pages), recording refused sign-ins in their
 * own transaction, and pruning rows past {@code agentry.audit.retention}. Changes themselves are
 * recorded by their own boundaries through {@link org.agentry.audit.control.AuditLog}.
 */
package org.agentry.audit.boundary;
