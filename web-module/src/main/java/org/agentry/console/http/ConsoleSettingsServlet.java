package org.agentry.console.http;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.agentry.security.control.OidcSettings;

/**
 * {@code GET /console/settings.json}: {@code {"oidc": true|false}}, whether the console offers
 * browser sign-in with OpenID Connect ({@code /auth/login}) beside pasting a token. Open to
 * everyone, like {@code /auth/login}'s own 404 {@code OIDC_NOT_CONFIGURED}, which says the same.
 */
@WebServlet("/console/settings.json")
public class ConsoleSettingsServlet extends HttpServlet {

  @Inject OidcSettings oidc;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"oidc\":" + oidc.configured() + "}");
  }
}
