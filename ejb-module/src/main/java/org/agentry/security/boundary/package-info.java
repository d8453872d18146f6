/**
 * Who may call the API: API keys of service accounts (created, listed and revoked by admins) and
 * the bootstrap admin token, resolved to a {@link org.agentry.security.entity.Role}; the browser
 * sessions an OpenID Connect sign-in opens ({@link org.agentry.security.boundary.WebSessions}); and
 * the caller's profile {@code /api/v1/me} shows.
 *
 * <p>HTTP authentication itself (the bearer mechanism) lives in the web module; this package only
 * answers "which role does this token carry".
 */
package org.agentry.security.boundary;
