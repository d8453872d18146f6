/**
 * Persistent state of authentication: API keys held by service accounts and the roles they carry.
 *
 * <p>Secrets are never stored: an {@link org.agentry.security.entity.ApiKey} keeps only the SHA-256
 * hash of its token and a short display prefix.
 */
package org.agentry.security.entity;
