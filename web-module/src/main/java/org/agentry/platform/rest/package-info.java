/**
 * The HTTP edge shared by every feature: the JAX-RS application under {@code /api}, RFC 9457
 * problem responses and the mappers that produce them, the request body size limit, and {@code GET
 * /api/v1/info}. Resources are {@code @ApplicationScoped}: they hold only injected beans, so one
 * instance serves every request instead of one built and injected per request.
 */
package org.agentry.platform.rest;
