package org.agentry.platform.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: reading errors become 400 or 413; a change that lost a race with another (an
 * optimistic-lock conflict, or a unique key another request took first) becomes 409 {@code
 * CONCURRENT_UPDATE}; anything else a 500 whose body names only an incident id; the exception is
 * logged under that id.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

  @Context HttpServletRequest request;

  private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    if (Causes.isPayloadTooLarge(exception, request)) {
      return Problems.payloadTooLarge().toResponse();
    }
    if (Causes.isJsonError(exception)) {
      return Problems.malformedJson().toResponse();
    }
    if (Causes.isConcurrentUpdate(exception)) {
      return Problems.concurrentUpdate().toResponse();
    }
    var incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unhandled error, incident " + incident, exception);
    return Problems.internalError(incident).toResponse();
  }
}
