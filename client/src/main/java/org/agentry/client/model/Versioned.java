package org.agentry.client.model;

/**
 * A resource with its ETag, for resources whose version is not a member of their body.
 *
 * @param etag the ETag header as sent (quoted, e.g. {@code "\"3\""}); pass it back as If-Match
 */
public record Versioned<T>(T value, String etag) {}
