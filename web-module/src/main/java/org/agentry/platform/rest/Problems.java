package org.agentry.platform.rest;

/**
 * The problems every endpoint can answer, by HTTP status. Feature-specific problems are built where
 * they arise, as {@link ApiException}s.
 */
public final class Problems {

  private Problems() {}

  /**
   * The standard problem for an HTTP status the platform produces itself.
   *
   * @param status an HTTP status code from 400 to 599
   */
  public static Problem forStatus(int status) {
    return switch (status) {
      case 400 -> new Problem(400, "BAD_REQUEST", "Bad request", "The request is not valid.");
      case 401 ->
          new Problem(
              401,
              "UNAUTHENTICATED",
              "Authentication required",
              "Send a valid token as 'Authorization: Bearer <token>'.");
      case 403 ->
          new Problem(403, "FORBIDDEN", "Forbidden", "Your role does not allow this operation.");
      case 404 ->
          new Problem(404, "NOT_FOUND", "Not found", "There is no resource at this address.");
      case 405 ->
          new Problem(
              405,
              "METHOD_NOT_ALLOWED",
              "Method not allowed",
              "This resource does not support this HTTP method; see the Allow header.");
      case 406 ->
          new Problem(
              406,
              "NOT_ACCEPTABLE",
              "Not acceptable",
              "This resource cannot produce a representation the Accept header allows.");
      case 413 -> payloadTooLarge();
      case 415 ->
          new Problem(
              415,
              "UNSUPPORTED_MEDIA_TYPE",
              "Unsupported media type",
              "This resource does not accept the request's Content-Type; send application/json.");
      default ->
          status >= 500
              ? internalError()
              : new Problem(status, "HTTP_" + status, "Request failed", "The request failed.");
    };
  }

  /** 400 for a body that is not JSON or does not fit the endpoint's request shape. */
  public static Problem malformedJson() {
    return new Problem(
        400,
        "MALFORMED_JSON",
        "Malformed JSON",
        "The request body is not valid JSON, or it has fields or values this endpoint does not"
            + " accept.");
  }

  /** 413 for a body over the configured limit ({@code agentry.http.max-body-bytes}). */
  /** 409 {@code CONCURRENT_UPDATE}: another request changed the same thing at the same time. */
  public static Problem concurrentUpdate() {
    return new Problem(
        409,
        "CONCURRENT_UPDATE",
        "Conflict",
        "Another request changed the same resource at the same time; read it again and retry.");
  }

  public static Problem payloadTooLarge() {
    return new Problem(
        413,
        "PAYLOAD_TOO_LARGE",
        "Payload too large",
        "The request body exceeds the server's limit (agentry.http.max-body-bytes).");
  }

  /** 500 that tells nothing of the cause; the cause is logged under the incident id. */
  public static Problem internalError(String incident) {
    return new Problem(
        500,
        "INTERNAL_ERROR",
        "Internal server error",
        "The server failed to handle the request; incident " + incident + " is in its log.");
  }

  private static Problem internalError() {
    return new Problem(
        500, "INTERNAL_ERROR", "Internal server error", "The server failed to handle the request.");
  }
}
