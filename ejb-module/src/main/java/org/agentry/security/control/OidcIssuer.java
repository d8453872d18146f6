package org.agentry.security.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The configured OpenID Connect provider: its metadata, discovered once from {@code
 * <issuer>/.well-known/openid-configuration} (OpenID Connect Discovery 1.0), and its signing keys
 * from the {@code jwks_uri}. The key set is cached; a token whose {@code kid} is not in the cache
 * makes it fetch the set again (key rotation), at most once per {@code
 * agentry.oidc.jwks-min-refresh-seconds}.
 *
 * <p>Only asymmetric signatures are accepted (RS*, PS*, ES*, EdDSA): an HMAC algorithm would let
 * anyone holding the public key sign, and {@code alg: none} is no signature at all.
 */
@ApplicationScoped
public class OidcIssuer {

  /** The signature algorithms accepted on tokens from the issuer. */
  public static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.EdDSA);

  private static final Logger LOG = Logger.getLogger(OidcIssuer.class.getName());
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 15_000;
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

  @Inject OidcSettings settings;

  private final Clock clock = Clock.systemUTC();
  private volatile Discovered discovered;
  private volatile Instant failedAt = Instant.MIN;

  private record Discovered(OIDCProviderMetadata metadata, JWSKeySelector<SecurityContext> keys) {}

  /**
   * The provider's metadata.
   *
   * @throws OidcUnavailableException if OpenID Connect is not configured or discovery fails (the
   *     next try waits a few seconds)
   */
  public OIDCProviderMetadata metadata() {
    return discovered().metadata();
  }

  /** Selects the issuer's public key for a token's header; see the class comment. */
  public JWSKeySelector<SecurityContext> keySelector() {
    return discovered().keys();
  }

  private Discovered discovered() {
    var current = discovered;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (discovered == null) {
        discovered = discover();
      }
      return discovered;
    }
  }

  private Discovered discover() {
    var issuer =
        settings.issuer().orElseThrow(() -> new OidcUnavailableException("OIDC is not configured"));
    if (clock.instant().isBefore(failedAt.plus(RETRY_AFTER_FAILURE))) {
      throw new OidcUnavailableException("the identity provider's discovery failed just now");
    }
    try {
      var metadata =
          OIDCProviderMetadata.resolve(new Issuer(issuer), CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
      JWKSource<SecurityContext> source =
          JWKSourceBuilder.<SecurityContext>create(
                  metadata.getJWKSetURI().toURL(),
                  new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, 1024 * 1024))
              .cache(Duration.ofHours(1).toMillis(), READ_TIMEOUT_MS)
              .rateLimited(Math.max(1, settings.jwksMinRefresh().toMillis()))
              .retrying(false)
              .refreshAheadCache(false)
              .build();
      LOG.info(() -> "OpenID Connect provider discovered: " + issuer);
      return new Discovered(metadata, new JWSVerificationKeySelector<>(ALGORITHMS, source));
    } catch (GeneralException | IOException | IllegalArgumentException e) {
      failedAt = clock.instant();
      LOG.warning(() -> "OpenID Connect discovery of " + issuer + " failed: " + e.getMessage());
      throw new OidcUnavailableException("the identity provider's discovery failed");
    }
  }
}
