/**
 * The HTTP edge shared by every feature: the JAX-RS application under {@code /api}, RFC 9457
 * problem responses and the mappers that produce them, the request body size limit, and {@code GET
 * /api/v1/info}.
 */
package org.agentry.platform.rest;
