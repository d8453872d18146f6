/**
 * Who may call the API: API keys of service accounts (created, listed and revoked by admins) and
 * the bootstrap admin token, resolved to a {@link org.agentry.security.entity.Role}.
 *
 * <p>HTTP authentication itself (the bearer mechanism) lives in the web module; this package only
 * answers "which role does this token carry".
 */
package org.agentry.security.boundary;
