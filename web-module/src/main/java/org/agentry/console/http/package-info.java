/**
 * The operator console's web side: the security headers every {@code /console} response carries,
 * and the one setting the console's page needs before anyone signs in (whether browser sign-in with
 * OpenID Connect is configured).
 *
 * <p>The console itself is static files under {@code /console} (plain ES modules, no build step)
 * that call the same REST API and event streams every client uses; nothing here serves data. It
 * does not hold tokens: the browser keeps a pasted API key in session storage, or the session
 * cookie of the OpenID Connect sign-in ({@code org.agentry.security.http}).
 */
package org.agentry.console.http;
