package org.agentry.security.http;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Logger;
import org.agentry.platform.rest.Problem;
import org.agentry.platform.rest.Problems;
import org.agentry.platform.rest.ServletProblems;
import org.agentry.security.boundary.WebSessions;
import org.agentry.security.control.InvalidTokenException;
import org.agentry.security.control.OidcSettings;
import org.agentry.security.control.OidcUnavailableException;
import org.agentry.security.control.SignInFlow;

/**
 * Browser sign-in with OpenID Connect: {@code GET /auth/login?return=/console/} sends the browser
 * to the identity provider, {@code GET /auth/callback} finishes the sign-in, opens a session (the
 * {@code agentry_session} and {@code agentry_csrf} cookies) and redirects to the return path, and
 * {@code POST /auth/logout} ends it, then redirects to the provider's end-session endpoint when it
 * has one (else to {@code /}). Without {@code agentry.oidc.issuer} every path answers 404 {@code
 * OIDC_NOT_CONFIGURED}. A failed sign-in answers 401 {@code SIGN_IN_FAILED}; why is logged, never a
 * token.
 */
@WebServlet("/auth/*")
public class SignInServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(SignInServlet.class.getName());
  private static final Duration SIGN_IN_TIME = Duration.ofMinutes(10);

  @Inject OidcSettings settings;

  @Inject SignInFlow flow;

  @Inject WebSessions sessions;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!settings.configured()) {
      ServletProblems.write(
          response,
          new Problem(
              404,
              "OIDC_NOT_CONFIGURED",
              "Sign-in not configured",
              "Browser sign-in needs agentry.oidc.issuer and agentry.oidc.client-id."));
      return;
    }
    var action = Objects.toString(request.getPathInfo(), "");
    var method = request.getMethod();
    try {
      switch (action) {
        case "/login" -> ifMethod("GET", method, response, () -> login(request, response));
        case "/callback" -> ifMethod("GET", method, response, () -> callback(request, response));
        case "/logout" -> ifMethod("POST", method, response, () -> logout(request, response));
        default -> ServletProblems.write(response, Problems.forStatus(404));
      }
    } catch (OidcUnavailableException e) {
      LOG.warning(() -> "sign-in impossible: " + e.getMessage());
      ServletProblems.write(
          response,
          new Problem(
              503,
              "OIDC_UNAVAILABLE",
              "Identity provider unavailable",
              "The identity provider cannot be reached or is not fully configured."));
    }
  }

  private interface Action {
    void run() throws IOException;
  }

  private static void ifMethod(
      String allowed, String method, HttpServletResponse response, Action action)
      throws IOException {
    if (allowed.equals(method)) {
      action.run();
    } else {
      response.setHeader("Allow", allowed);
      ServletProblems.write(response, Problems.forStatus(405));
    }
  }

  private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var back = ReturnPaths.safe(request.getParameter("return"));
    var started = flow.start(redirectUri(request));
    var state = SignInState.encode(started, back);
    Cookies.set(request, response, Cookies.SIGN_IN, state, authPath(request), SIGN_IN_TIME, true);
    response.sendRedirect(started.authorizationUri().toString());
  }

  private void callback(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var pending = SignInState.decode(Cookies.value(request, Cookies.SIGN_IN));
    Cookies.set(request, response, Cookies.SIGN_IN, "", authPath(request), Duration.ZERO, true);
    if (pending == null) {
      signInFailed(response, "no sign-in in progress in this browser (cookie missing or expired)");
      return;
    }
    var query = request.getQueryString();
    var callback = URI.create(request.getRequestURL() + (query == null ? "" : "?" + query));
    try {
      var identity = flow.finish(callback, pending.started(), redirectUri(request));
      var session = sessions.open(identity);
      Cookies.set(request, response, Cookies.SESSION, session.token(), "/", null, true);
      Cookies.set(request, response, Cookies.CSRF, session.csrfToken(), "/", null, false);
      LOG.info(() -> "signed in: oidc:" + identity.subject());
      response.sendRedirect(pending.returnPath());
    } catch (InvalidTokenException e) {
      signInFailed(response, e.getMessage());
    }
  }

  private void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
    sessions.close(Cookies.value(request, Cookies.SESSION));
    Cookies.set(request, response, Cookies.SESSION, "", "/", Duration.ZERO, true);
    Cookies.set(request, response, Cookies.CSRF, "", "/", Duration.ZERO, false);
    var home = URI.create(request.getRequestURL().toString()).resolve(root(request));
    var target =
        flow.endSessionEndpoint()
            .map(
                end ->
                    end
                        + (end.getQuery() == null ? "?" : "&")
                        + "client_id="
                        + encode(settings.clientId().orElse(""))
                        + "&post_logout_redirect_uri="
                        + encode(home.toString()))
            .orElse(home.toString());
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", target);
  }

  private static void signInFailed(HttpServletResponse response, String why) throws IOException {
    LOG.info(() -> "sign-in failed: " + why);
    ServletProblems.write(
        response,
        new Problem(
            401,
            "SIGN_IN_FAILED",
            "Sign-in failed",
            "The sign-in could not be completed; start again at /auth/login."));
  }

  private URI redirectUri(HttpServletRequest request) {
    return settings
        .redirectUri()
        .map(URI::create)
        .orElseGet(
            () ->
                URI.create(request.getRequestURL().toString())
                    .resolve(request.getContextPath() + "/auth/callback"));
  }

  private static String authPath(HttpServletRequest request) {
    return request.getContextPath() + "/auth";
  }

  private static String root(HttpServletRequest request) {
    return request.getContextPath().isEmpty() ? "/" : request.getContextPath() + "/";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
