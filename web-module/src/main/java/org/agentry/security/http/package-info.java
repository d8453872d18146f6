/**
 * Bearer-token authentication for {@code /api/**} with Jakarta Security: a custom {@code
 * HttpAuthenticationMechanism} reads {@code Authorization: Bearer <token>} (RFC 6750) and an {@code
 * IdentityStore} turns the token into a caller whose groups are the roles it holds.
 *
 * <p>Paths outside {@code /api} (health, OpenAPI, the console's static files) are left alone.
 */
package org.agentry.security.http;
