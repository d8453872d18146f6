package org.agentry.security.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.agentry.platform.rest.Problem;
import org.agentry.platform.rest.ServletProblems;
import org.agentry.security.boundary.CallerProfile;
import org.agentry.security.boundary.WebSessions;
import org.agentry.security.control.InvalidTokenException;
import org.agentry.security.control.JwtVerifier;
import org.agentry.security.control.OidcIdentity;
import org.agentry.security.control.OidcSettings;
import org.agentry.security.control.OidcUnavailableException;
import org.agentry.security.entity.Role;

/**
 * The OpenID Connect half of {@code /api} authentication: bearer JWTs from the configured issuer,
 * and the session cookie a browser sign-in sets. A session's state-changing request (any method but
 * GET, HEAD and OPTIONS) must repeat the session's CSRF token, which the browser holds in the
 * {@code agentry_csrf} cookie, in an {@code X-CSRF-Token} header (the double-submit pattern; the
 * token is also checked against the session's stored digest). The caller's container name is {@code
 * oidc:<sub>}; its profile goes into the request attribute {@link #PROFILE}.
 */
@ApplicationScoped
public class OidcAuthentication {

  /** The request attribute holding the caller's {@link CallerProfile}. */
  public static final String PROFILE = CallerProfile.class.getName();

  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Logger LOG = Logger.getLogger(OidcAuthentication.class.getName());

  @Inject OidcSettings settings;

  @Inject org.agentry.tenant.control.CallerTenant tenant;

  @Inject JwtVerifier jwts;

  @Inject WebSessions sessions;

  @Inject SignInFailures failures;

  /** Whether OpenID Connect is configured at all. */
  public boolean configured() {
    return settings.configured();
  }

  /** Authenticates a bearer JWT: 401 with {@code error="invalid_token"} when it does not verify. */
  AuthenticationStatus byJwt(
      String token,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext c) {
    try {
      var identity = jwts.verify(token);
      return login(identity, "oidc", request, c);
    } catch (InvalidTokenException e) {
      LOG.fine(() -> "bearer JWT refused: " + e.getMessage());
      failures.record(request, token, "INVALID_TOKEN");
      return refuse(
          response,
          new Problem(
              401,
              "INVALID_TOKEN",
              "Invalid token",
              "The bearer token is not a valid token of the configured identity provider."),
          "Bearer realm=\"agentry\", error=\"invalid_token\"");
    } catch (OidcUnavailableException e) {
      return unavailable(response);
    }
  }

  /**
   * Authenticates the session cookie, if the request has one.
   *
   * @return null without a session cookie
   */
  AuthenticationStatus bySession(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    var token = Cookies.value(request, Cookies.SESSION);
    if (token == null) {
      return null;
    }
    var session = sessions.authenticate(token);
    if (session.isEmpty()) {
      return null;
    }
    if (!SAFE_METHODS.contains(request.getMethod())
        && !CsrfTokens.matches(request.getHeader(CSRF_HEADER), session.get().getCsrfHash())) {
      return refuse(
          response,
          new Problem(
              403,
              "CSRF_REFUSED",
              "CSRF token missing",
              "A request signed in by the session cookie that changes something must send the"
                  + " agentry_csrf cookie's value in an X-CSRF-Token header."),
          null);
    }
    var s = session.get();
    var identity =
        new OidcIdentity(
            s.getSubject(),
            s.getDisplayName(),
            s.getEmail(),
            s.getRoles(),
            s.getTenant(),
            s.isPlatformAdmin());
    return login(identity, "session", request, context);
  }

  private AuthenticationStatus login(
      OidcIdentity identity, String how, HttpServletRequest request, HttpMessageContext context) {
    request.setAttribute(
        PROFILE,
        new CallerProfile(
            identity.subject(),
            identity.name(),
            identity.email(),
            JwtVerifier.names(identity.roles()),
            identity.tenant(),
            how));
    tenant.signedIn(identity.tenant(), identity.platformAdmin());
    var groups = new HashSet<String>();
    identity.roles().stream().map(Role::grantedRoleNames).forEach(groups::addAll);
    return context.notifyContainerAboutLogin(() -> "oidc:" + identity.subject(), groups);
  }

  private static AuthenticationStatus unavailable(HttpServletResponse response) {
    return refuse(
        response,
        new Problem(
            503,
            "OIDC_UNAVAILABLE",
            "Identity provider unavailable",
            "The identity provider's keys or metadata cannot be fetched; try again later."),
        null);
  }

  static AuthenticationStatus refuse(
      HttpServletResponse response, Problem problem, String authenticate) {
    try {
      if (authenticate != null) {
        response.setHeader("WWW-Authenticate", authenticate);
      }
      ServletProblems.write(response, problem);
    } catch (IOException e) {
      // the client went away; nothing left to tell it
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
