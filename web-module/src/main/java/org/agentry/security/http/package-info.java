/**
 * Bearer-token authentication for {@code /api/**} with Jakarta Security: a custom {@code
 * HttpAuthenticationMechanism} reads {@code Authorization: Bearer <token>} (RFC 6750) and an {@code
 * IdentityStore} turns the token into a caller whose groups are the roles it holds.
 *
 * <p>With OpenID Connect configured, a bearer JWT from the issuer or the browser's session cookie
 * (with a CSRF check on changes) authenticates too, and {@code /auth/*} runs the browser sign-in.
 *
 * <p>Paths outside {@code /api} (health, OpenAPI, the console's static files) are left alone.
 */
package org.agentry.security.http;
