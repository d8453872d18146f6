package org.agentry.platform.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers the JAX-RS runtime's own errors (unknown route, wrong method, wrong content type, a body
 * that cannot be read) as problems, keeping the {@code Allow} header of a 405.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    if (status == 413 || Causes.isPayloadTooLarge(exception, request)) {
      return Problems.payloadTooLarge().toResponse();
    }
    if (status == 400 && Causes.isJsonError(exception)) {
      return Problems.malformedJson().toResponse();
    }
    var response = Problems.forStatus(status).toResponse();
    var allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
    return allow == null
        ? response
        : Response.fromResponse(response).header("Allow", allow).build();
  }
}
