package org.agentry.platform.rest;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes problems from servlet code (filters, the authentication mechanism, error pages). */
public final class ServletProblems {

  private ServletProblems() {}

  /** Writes the problem as the whole response and commits it. */
  public static void write(HttpServletResponse response, Problem problem) throws IOException {
    response.resetBuffer();
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(problem.toJson());
    response.flushBuffer();
  }
}
