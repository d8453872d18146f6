package org.agentry.platform.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page (see {@code web.xml}): errors the container raises outside JAX-RS, such as a 404
 * for an unknown path, are answered as problems too.
 */
@WebServlet("/problem")
public class ProblemServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ProblemServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    var error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (status == null) {
      status = 404; // requested directly, not as an error page
    }
    if (Causes.isPayloadTooLarge(error, request)) {
      ServletProblems.write(response, Problems.payloadTooLarge());
    } else if (error != null || status >= 500) {
      var incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Unhandled error, incident " + incident, error);
      ServletProblems.write(response, Problems.internalError(incident));
    } else {
      ServletProblems.write(response, Problems.forStatus(status));
    }
  }
}
