package org.agentry.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code agentry.oidc.*} settings. Without {@code agentry.oidc.issuer} OpenID Connect is off
 * and only the admin token and API keys authenticate.
 */
@ApplicationScoped
public class OidcSettings {

  @Inject
  @ConfigProperty(name = "agentry.oidc.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "agentry.oidc.audience")
  Optional<String> audience;

  @Inject
  @ConfigProperty(name = "agentry.oidc.client-id")
  Optional<String> clientId;

  @Inject
  @ConfigProperty(name = "agentry.oidc.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "agentry.oidc.redirect-uri")
  Optional<String> redirectUri;

  @Inject
  @ConfigProperty(name = "agentry.oidc.roles-claim", defaultValue = "groups")
  String rolesClaim;

  @Inject
  @ConfigProperty(name = "agentry.oidc.role-mapping", defaultValue = " ")
  String roleMapping;

  @Inject
  @ConfigProperty(name = "agentry.tenant.claim", defaultValue = "tenant")
  String tenantClaim;

  @Inject
  @ConfigProperty(name = "agentry.tenant.platform-admin-group", defaultValue = "platform-admin")
  String platformAdminGroup;

  @Inject
  @ConfigProperty(name = "agentry.oidc.clock-skew-seconds", defaultValue = "60")
  int clockSkewSeconds;

  @Inject
  @ConfigProperty(name = "agentry.oidc.jwks-min-refresh-seconds", defaultValue = "30")
  int jwksMinRefreshSeconds;

  @Inject
  @ConfigProperty(name = "agentry.oidc.session-idle-seconds", defaultValue = "1800")
  long sessionIdleSeconds;

  @Inject
  @ConfigProperty(name = "agentry.oidc.session-lifetime-seconds", defaultValue = "28800")
  long sessionLifetimeSeconds;

  /** Whether an issuer is set, i.e. OpenID Connect sign-in is on. */
  public boolean configured() {
    return issuer().isPresent();
  }

  /**
   * The issuer identifier exactly as the provider's discovery document and tokens spell it (e.g.
   * {@code https://idp.example.com/realms/acme}), if set.
   */
  public Optional<String> issuer() {
    return nonBlank(issuer);
  }

  /** The audience an access token must name: {@code audience}, else the client id. */
  public Optional<String> audience() {
    return nonBlank(audience).or(this::clientId);
  }

  public Optional<String> clientId() {
    return nonBlank(clientId);
  }

  /** The client secret; absent for a public client, which then relies on PKCE alone. */
  public Optional<String> clientSecret() {
    return nonBlank(clientSecret);
  }

  /** A fixed redirect URI, for servers behind a proxy; else it is derived from the request. */
  public Optional<String> redirectUri() {
    return nonBlank(redirectUri);
  }

  /** Where a token names its tenant and which group makes a platform admin. */
  public TenantClaim tenantClaim() {
    return new TenantClaim(tenantClaim.trim(), platformAdminGroup.trim());
  }

  public RoleMapping roleMapping() {
    return RoleMapping.parse(rolesClaim.trim(), roleMapping);
  }

  public Duration clockSkew() {
    return Duration.ofSeconds(Math.max(0, clockSkewSeconds));
  }

  /** The shortest time between two fetches of the issuer's key set. */
  public Duration jwksMinRefresh() {
    return Duration.ofSeconds(Math.max(0, jwksMinRefreshSeconds));
  }

  /** How long a browser session lasts without requests. */
  public Duration sessionIdle() {
    return Duration.ofSeconds(Math.max(60, sessionIdleSeconds));
  }

  /** How long a browser session lasts at most, counted from sign-in. */
  public Duration sessionLifetime() {
    return Duration.ofSeconds(Math.max(60, sessionLifetimeSeconds));
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::trim).filter(v -> !v.isEmpty());
  }
}
