package org.agentry.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses a {@code GET}, {@code HEAD}, {@code DELETE} or {@code OPTIONS} request that carries a
 * body with 400 {@code BODY_NOT_ALLOWED}: none of the API's endpoints reads one, and RFC 9110
 * (sections 9.3.1, 9.3.2, 9.3.5, 9.3.7) gives such a body no meaning. The launcher lets these
 * requests through the HTTP layer (Grizzly's {@code allow-payload-for-undefined-http-methods}),
 * which would otherwise answer a bare 400 without a problem body. Runs after the role check.
 *
 * <p>Whether a body comes is told by the headers alone, as RFC 9112 section 6.3 rules: a {@code
 * Transfer-Encoding}, or a {@code Content-Length} other than 0. The body itself is never read: on a
 * request that asks for a protocol upgrade ({@code Connection: Upgrade}) Grizzly takes everything
 * after the headers as the request's content, so a read would wait for bytes that never come.
 */
@Provider
@Priority(Priorities.USER)
public class NoBodyMethods implements ContainerRequestFilter {

  private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "DELETE", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    if (WITHOUT_BODY.contains(request.getMethod()) && announcesBody(request)) {
      request.abortWith(
          new Problem(
                  400,
                  "BODY_NOT_ALLOWED",
                  "Body not allowed",
                  "A " + request.getMethod() + " request carries no body.")
              .toResponse());
    }
  }

  private static boolean announcesBody(ContainerRequestContext request) {
    if (request.getHeaderString("Transfer-Encoding") != null) {
      return true;
    }
    var length = request.getHeaderString("Content-Length");
    return length != null && !length.strip().equals("0");
  }
}
