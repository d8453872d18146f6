package org.agentry.metrics.http;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.agentry.metrics.control.Metrics;
import org.agentry.metrics.control.TaskGauges;
import org.agentry.platform.rest.Problems;
import org.agentry.platform.rest.ServletProblems;
import org.agentry.security.entity.Role;
import org.agentry.task.rest.EventHub;

/**
 * {@code GET /metrics}: this node's metrics in the Prometheus text exposition format 0.0.4, for a
 * caller with the {@code viewer} role or above (a bearer token, as for the API: Prometheus sends
 * one with {@code authorization: {credentials: …}} in its scrape config). Other methods get 405.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

  @Inject Metrics metrics;
  @Inject TaskGauges taskGauges;
  @Inject EventHub streams;

  @Override
  public void init() throws ServletException {
    metrics.gauge(
        "agentry_sse_streams_open",
        "Event streams open on this node",
        cb -> cb.call(streams.openStreams()));
    taskGauges.register();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getUserPrincipal() == null) {
      ServletProblems.write(response, Problems.forStatus(401));
      return;
    }
    if (!request.isUserInRole(Role.VIEWER_NAME)) {
      ServletProblems.write(response, Problems.forStatus(403));
      return;
    }
    response.setContentType(metrics.contentType());
    try (var out = response.getOutputStream()) {
      metrics.write(out);
    }
  }
}
