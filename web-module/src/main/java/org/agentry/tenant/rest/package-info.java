/**
 * The web side of tenants: the {@code ?tenant=} parameter a platform admin acts in another tenant
 * with (applied by {@link org.agentry.audit.rest.AuditOriginFilter} once the caller is known).
 */
package org.agentry.tenant.rest;
