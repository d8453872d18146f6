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
import org.agentry.platform.rest.Problem;
import org.agentry.platform.rest.ServletProblems;
import org.agentry.security.boundary.ApiKeys;
import org.agentry.security.boundary.CallerProfile;
import org.agentry.security.http.OidcAuthentication;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.rest.TenantParameter;

/**
 * Tells the audit log who calls the API: the authenticated caller's name, how it signed in (as
 * {@code GET /api/v1/me} says), its tenant, and the client's address. The address is the TCP
 * peer's: the server trusts no proxy header ({@code X-Forwarded-For}). A {@code ?tenant=} names the
 * tenant the request acts in: a platform admin's any, another caller's only its own (else 403
 * {@code TENANT_FORBIDDEN}).
 */
@WebFilter(
    urlPatterns = {"/api/*", "/mcp"},
    asyncSupported = true)
public class AuditOriginFilter extends HttpFilter {

  @Inject AuditOrigin origin;

  @Inject CallerTenant callerTenant;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var principal = request.getUserPrincipal();
    if (principal != null) {
      var subject = principal.getName();
      var tenant = callerTenant.own();
      String method;
      if (request.getAttribute(OidcAuthentication.PROFILE) instanceof CallerProfile profile) {
        method = profile.authenticatedBy();
      } else if (subject.startsWith(ApiKeys.KEY_CALLER_PREFIX)) {
        method = "api-key";
      } else {
        method = "admin-token";
      }
      origin.set(subject, method, tenant, request.getRemoteAddr());
      var asked = TenantParameter.of(request.getQueryString());
      if (asked != null && !callerTenant.actIn(asked)) {
        ServletProblems.write(
            response,
            new Problem(
                403,
                "TENANT_FORBIDDEN",
                "Tenant not allowed",
                "Only a platform admin may act in another tenant with '?tenant='."));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
