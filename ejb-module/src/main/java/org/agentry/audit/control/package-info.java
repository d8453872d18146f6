/**
 * Writing the audit log: {@link org.agentry.audit.control.AuditLog} joins the change's transaction,
 * {@link org.agentry.audit.control.AuditOrigin} holds who is calling for the current request, and
 * {@link org.agentry.audit.control.SignInThrottle} keeps refused sign-ins from flooding the log.
 */
package org.agentry.audit.control;
