package org.agentry.audit.rest;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.agentry.audit.control.AuditOrigin;
import org.agentry.security.boundary.ApiKeys;
import org.agentry.security.boundary.CallerProfile;
import org.agentry.security.http.OidcAuthentication;

/**
 * Tells the audit log who calls the API: the authenticated caller's name, how it signed in (as
 * {@code GET /api/v1/me} says), its tenant, and the client's address. The address is the TCP
 * peer's: the server trusts no proxy header ({@code X-Forwarded-For}).
 */
@WebFilter(
    urlPatterns = {"/api/*", "/mcp"},
    asyncSupported = true)
public class AuditOriginFilter extends HttpFilter {

  @Inject AuditOrigin origin;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var principal = request.getUserPrincipal();
    if (principal != null) {
      var subject = principal.getName();
      var tenant = CallerProfile.DEFAULT_TENANT;
      String method;
      if (request.getAttribute(OidcAuthentication.PROFILE) instanceof CallerProfile profile) {
        method = profile.authenticatedBy();
        tenant = profile.tenant();
      } else if (subject.startsWith(ApiKeys.KEY_CALLER_PREFIX)) {
        method = "api-key";
      } else {
        method = "admin-token";
      }
      origin.set(subject, method, tenant, request.getRemoteAddr());
    }
    chain.doFilter(request, response);
  }
}
