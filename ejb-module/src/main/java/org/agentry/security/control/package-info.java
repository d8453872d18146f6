/**
 * Token generation and hashing, the bootstrap admin token, and the keys that seal secrets at rest
 * ({@link org.agentry.security.control.SecretCipher}, AES-GCM; {@link
 * org.agentry.security.control.SecretKeys}, where the keys come from), and OpenID Connect: the
 * issuer's metadata and keys ({@link org.agentry.security.control.OidcIssuer}), bearer JWT checks
 * ({@link org.agentry.security.control.JwtVerifier}), roles from claims ({@link
 * org.agentry.security.control.RoleMapping}) and the browser's code flow ({@link
 * org.agentry.security.control.SignInFlow}). The tenant claim and the platform-admin group: {@link
 * org.agentry.security.control.TenantClaim}.
 */
package org.agentry.security.control;
