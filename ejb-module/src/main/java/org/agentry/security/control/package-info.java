/**
 * Token generation and hashing, the bootstrap admin token, and the keys that seal secrets at rest
 * ({@link org.agentry.security.control.SecretCipher}, AES-GCM; {@link
 * org.agentry.security.control.SecretKeys}, where the keys come from).
 */
package org.agentry.security.control;
