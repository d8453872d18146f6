package org.agentry.platform.rest;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic locking over HTTP (RFC 9110, sections 8.8.3 and 13.1.1): a resource's {@code ETag} is
 * its version as a strong tag, e.g. {@code "3"}; an update must send it back in {@code If-Match}.
 */
public final class Versions {

  private Versions() {}

  /** The ETag of a version. */
  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * The version an {@code If-Match} header names.
   *
   * @return the version, or null for {@code *} (any version)
   * @throws ApiException 428 {@code PRECONDITION_REQUIRED} without the header, 412 {@code
   *     PRECONDITION_FAILED} when it names no version of ours
   */
  public static Long required(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ApiException(
          new Problem(
              428,
              "PRECONDITION_REQUIRED",
              "Precondition required",
              "Send the ETag you read in an If-Match header."));
    }
    var value = ifMatch.trim();
    if (value.equals("*")) {
      return null;
    }
    if (value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")) {
      try {
        return Long.parseLong(value.substring(1, value.length() - 1));
      } catch (NumberFormatException e) {
        // falls through to 412
      }
    }
    throw new ApiException(
        new Problem(
            412,
            "PRECONDITION_FAILED",
            "Precondition failed",
            "If-Match does not name a current version; read the resource again."));
  }
}
