/**
 * {@code /api/v1/api-keys}: admins create, list and revoke API keys; {@code /api/v1/me}, who the
 * caller is; and the role check that enforces {@code @RolesAllowed} on every resource (403
 * problem+json for a role that is too low).
 */
package org.agentry.security.rest;
