package org.agentry.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.agentry.platform.entity.Jsons;

/**
 * An error response body as RFC 9457 ("Problem Details for HTTP APIs") defines it, with Agentry's
 * extension member {@code code}: a stable, upper-case identifier clients can switch on. The {@code
 * type} is {@code urn:agentry:problem:<code in kebab case>}.
 *
 * @param status the HTTP status code
 * @param code e.g. {@code MALFORMED_JSON}
 * @param title a short summary that is the same for every occurrence of the code
 * @param detail what went wrong this time; never a class name or stack trace
 */
public record Problem(int status, String code, String title, String detail) {

  /** The media type of problem responses. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The {@code type} URI of this problem. */
  public String type() {
    return "urn:agentry:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** This problem as a JSON object text. */
  public String toJson() {
    return Jsons.createObjectBuilder()
        .add("type", type())
        .add("title", title)
        .add("status", status)
        .add("detail", detail)
        .add("code", code)
        .build()
        .toString();
  }

  /** A JAX-RS response carrying this problem. */
  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(toJson()).build();
  }
}
