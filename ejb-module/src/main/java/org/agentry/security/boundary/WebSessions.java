package org.agentry.security.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.agentry.security.control.OidcIdentity;
import org.agentry.security.control.OidcSettings;
import org.agentry.security.control.Tokens;
import org.agentry.security.entity.WebSession;

/**
 * Browser sessions after an OpenID Connect sign-in, kept in the database so that every node accepts
 * them. A session ends after {@code agentry.oidc.session-idle-seconds} without a request or {@code
 * agentry.oidc.session-lifetime-seconds} after sign-in; ended rows are deleted at the next sign-in.
 */
@Stateless
public class WebSessions {

  /** A session just opened, with its two secrets: they exist only here and in the browser. */
  public record OpenedSession(String token, String csrfToken, Duration lifetime) {}

  /** How stale {@code last_seen_at} may get before a request writes it again. */
  private static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);

  @PersistenceContext EntityManager em;

  @Inject OidcSettings settings;

  private final Clock clock = Clock.systemUTC();

  /** Opens a session for a signed-in identity. */
  public OpenedSession open(OidcIdentity identity) {
    var now = now();
    em.createNamedQuery(WebSession.DELETE_ENDED)
        .setParameter("now", now)
        .setParameter("idleSince", now.minus(settings.sessionIdle()))
        .executeUpdate();
    var token = Tokens.generate();
    var csrf = Tokens.generate();
    em.persist(
        new WebSession(
                Tokens.hash(token),
                Tokens.hash(csrf),
                identity.subject(),
                identity.name(),
                identity.email(),
                identity.roles(),
                now,
                settings.sessionLifetime())
            .ownedBy(identity.tenant(), identity.platformAdmin()));
    return new OpenedSession(token, csrf, settings.sessionLifetime());
  }

  /**
   * The active session a cookie's token names, its last use moved to now.
   *
   * @return empty for an unknown, ended or closed session
   */
  public Optional<WebSession> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    var now = now();
    return Optional.ofNullable(em.find(WebSession.class, Tokens.hash(token)))
        .filter(s -> s.isActive(now, settings.sessionIdle()))
        .map(
            s -> {
              em.createNamedQuery(WebSession.TOUCH)
                  .setParameter("now", now)
                  .setParameter("id", s.getId())
                  .setParameter("stale", now.minus(TOUCH_RESOLUTION))
                  .executeUpdate();
              return s;
            });
  }

  /** Ends a session at once; an unknown token changes nothing. */
  public void close(String token) {
    if (token != null && !token.isBlank()) {
      var session = em.find(WebSession.class, Tokens.hash(token));
      if (session != null) {
        em.remove(session);
      }
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
