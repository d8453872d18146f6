package org.agentry.console.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every {@code /console} response: a Content-Security-Policy (CSP Level 3) that
 * allows scripts only from this origin's files — no inline scripts, no {@code eval} — and no
 * framing; {@code X-Content-Type-Options: nosniff}; {@code Referrer-Policy: no-referrer}; {@code
 * X-Frame-Options: DENY} for browsers without {@code frame-ancestors}. Styles may be inline because
 * the chart and API-reference libraries set element styles; a style cannot run code.
 */
@WebFilter({"/console", "/console/*"})
public class ConsoleHeadersFilter extends HttpFilter {

  /** The policy: same-origin scripts, fetches and images only; nothing may frame the console. */
  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
          + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    // the page and its modules change with each release; a stale cached module would not match
    response.setHeader("Cache-Control", "no-cache");
    chain.doFilter(request, response);
  }
}
