package org.agentry.security.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.agentry.platform.rest.Problems;
import org.agentry.platform.rest.ServletProblems;
import org.agentry.security.control.JwtVerifier;

/**
 * Requires {@code Authorization: Bearer <token>} (RFC 6750, scheme case-insensitive) on every
 * {@code /api}, {@code /metrics} and {@code /mcp} request. A missing, unknown or revoked token gets
 * 401 problem+json with {@code WWW-Authenticate: Bearer}; the token is never logged. When OpenID
 * Connect is configured, a token that is a JWT goes to {@link OidcAuthentication}, and a request
 * without a token may sign in with the browser session's cookie.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

  private static final String SCHEME = "bearer ";

  @Inject IdentityStoreHandler identityStores;

  @Inject OidcAuthentication oidc;

  @Inject SignInFailures failures;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (!isApi(request)) {
      return context.doNothing();
    }
    var token = bearerToken(request.getHeader("Authorization"));
    if (token != null && oidc.configured() && JwtVerifier.isJwt(token)) {
      return oidc.byJwt(token, request, response, context);
    }
    if (token == null && oidc.configured()) {
      var session = oidc.bySession(request, response, context);
      if (session != null) {
        return session;
      }
    }
    if (token != null) {
      var result = identityStores.validate(new BearerTokenCredential(token));
      if (result.getStatus() == CredentialValidationResult.Status.VALID) {
        return context.notifyContainerAboutLogin(result);
      }
      failures.record(request, token, Problems.forStatus(401).code());
    }
    return unauthorized(response);
  }

  /**
   * Whether the request is for the API. The container's decoded and normalised path (servlet path
   * plus path info: {@code %61pi}, {@code ./}, {@code ;x} already resolved) decides, as it is what
   * routed the request; the raw URI is checked too, and either one under {@code /api} (in any case)
   * requires a token.
   */
  private static boolean isApi(HttpServletRequest request) {
    var routed = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    var raw = request.getRequestURI().substring(request.getContextPath().length());
    return underApi(routed)
        || underApi(raw)
        || underMetrics(routed)
        || underMetrics(raw)
        || underMcp(routed)
        || underMcp(raw);
  }

  /** Whether the path is the metrics' (see {@code MetricsServlet}), in any case. */
  static boolean underMetrics(String path) {
    var lower = path.toLowerCase(Locale.ROOT);
    while (lower.startsWith("//")) {
      lower = lower.substring(1);
    }
    return lower.equals("/metrics")
        || lower.startsWith("/metrics/")
        || lower.startsWith("/metrics;");
  }

  /** Whether the path is the MCP endpoint's (see {@code McpEndpoint}), in any case. */
  static boolean underMcp(String path) {
    var lower = path.toLowerCase(Locale.ROOT);
    while (lower.startsWith("//")) {
      lower = lower.substring(1);
    }
    return lower.equals("/mcp") || lower.startsWith("/mcp/") || lower.startsWith("/mcp;");
  }

  static boolean underApi(String path) {
    var lower = path.toLowerCase(Locale.ROOT);
    while (lower.startsWith("//")) {
      lower = lower.substring(1);
    }
    return lower.equals("/api") || lower.startsWith("/api/") || lower.startsWith("/api;");
  }

  static String bearerToken(String header) {
    if (header == null || header.length() <= SCHEME.length()) {
      return null;
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    var token = header.substring(SCHEME.length()).trim();
    return token.isEmpty() ? null : token;
  }

  private static AuthenticationStatus unauthorized(HttpServletResponse response) {
    try {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"agentry\"");
      ServletProblems.write(response, Problems.forStatus(401));
    } catch (IOException e) {
      // the client went away; nothing left to tell it
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
