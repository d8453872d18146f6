package org.agentry.security.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.audit.boundary.AuditEvents;
import org.agentry.security.control.Tokens;

/**
 * Records a refused bearer token in the audit log as {@code signin.failure}. Only the display
 * prefix of an Agentry token is kept (as an API key's list shows it); of any other text (a JWT, a
 * password pasted by mistake) nothing is kept. A failure to record never changes the 401.
 */
@ApplicationScoped
public class SignInFailures {

  private static final Logger LOG = Logger.getLogger(SignInFailures.class.getName());

  @Inject AuditEvents audit;

  /**
   * @param token the bearer token presented
   * @param code the problem code answered, e.g. {@code UNAUTHORIZED}
   */
  void record(HttpServletRequest request, String token, String code) {
    try {
      var prefix =
          token.startsWith(Tokens.PREFIX) && token.length() > Tokens.DISPLAY_PREFIX_LENGTH
              ? Tokens.displayPrefix(token)
              : null;
      audit.signInFailure(request.getRemoteAddr(), Tokens.hash(token), prefix, code);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record a refused sign-in in the audit log", e);
    }
  }
}
