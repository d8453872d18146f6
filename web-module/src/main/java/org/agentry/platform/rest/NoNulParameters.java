package org.agentry.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses path and query parameters holding U+0000 with 400 {@code VALIDATION_FAILED}: PostgreSQL
 * cannot compare text with NUL, so a filter such as {@code ?agent=a%00b} failed at the database as
 * a 500. Runs after the role check, so an unauthorised caller still gets 403.
 */
@Provider
@Priority(Priorities.USER)
public class NoNulParameters implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    var uri = request.getUriInfo();
    boolean nul =
        uri.getPathParameters().values().stream()
                .flatMap(java.util.List::stream)
                .anyMatch(v -> v.indexOf('\0') >= 0)
            || uri.getQueryParameters().values().stream()
                .flatMap(java.util.List::stream)
                .anyMatch(v -> v.indexOf('\0') >= 0);
    if (nul) {
      request.abortWith(
          ApiException.validation("Path and query parameters must not contain U+0000.")
              .problem()
              .toResponse());
    }
  }
}
