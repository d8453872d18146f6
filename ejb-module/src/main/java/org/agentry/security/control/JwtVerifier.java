package org.agentry.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.agentry.security.entity.Role;

/**
 * Verifies bearer JWTs from the configured issuer (RFC 7519, RFC 9068): the signature with the
 * issuer's keys ({@link OidcIssuer}), {@code iss} equal to {@code agentry.oidc.issuer}, {@code aud}
 * containing {@code agentry.oidc.audience}, {@code exp} and {@code nbf} with {@code
 * agentry.oidc.clock-skew-seconds} of leeway, and {@code sub} present. The {@code typ} header, when
 * there is one, must be {@code JWT} or {@code at+jwt}.
 */
@ApplicationScoped
public class JwtVerifier {

  private static final List<String> REQUIRED = List.of("sub", "iss", "exp");

  @Inject OidcSettings settings;

  @Inject OidcIssuer issuer;

  private volatile RoleMapping mapping;
  private volatile DefaultJWTProcessor<SecurityContext> processor;

  /** Whether a bearer token is a JWT (signed or not) rather than an API key or the admin token. */
  public static boolean isJwt(String token) {
    if (token.startsWith(Tokens.PREFIX) || token.chars().filter(c -> c == '.').count() != 2) {
      return false;
    }
    try {
      JWTParser.parse(token);
      return true;
    } catch (ParseException e) {
      return false;
    }
  }

  /**
   * The identity a token carries.
   *
   * @throws InvalidTokenException if it does not verify (see the class comment)
   * @throws OidcUnavailableException if the issuer's keys cannot be fetched
   */
  public OidcIdentity verify(String token) throws InvalidTokenException {
    try {
      var claims = processor().process(token, null);
      return OidcIdentity.of(claims.toJSONObject(), mapping, settings.tenantClaim());
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException(e.getMessage());
    } catch (ParseException e) {
      throw new InvalidTokenException("not a JWT");
    } catch (BadJOSEException e) {
      throw new InvalidTokenException(e.getMessage());
    } catch (RateLimitReachedException e) {
      throw new InvalidTokenException("no key for the token's kid (key set refreshed just now)");
    } catch (KeySourceException e) {
      throw new OidcUnavailableException("the identity provider's keys cannot be fetched");
    } catch (JOSEException e) {
      throw new InvalidTokenException("signature not verifiable: " + e.getMessage());
    }
  }

  private DefaultJWTProcessor<SecurityContext> processor() throws InvalidTokenException {
    var current = processor;
    if (current != null) {
      return current;
    }
    var audience =
        settings
            .audience()
            .orElseThrow(
                () ->
                    new InvalidTokenException(
                        "no audience to check: set agentry.oidc.audience or client-id"));
    var built = new DefaultJWTProcessor<SecurityContext>();
    built.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    built.setJWSKeySelector(issuer.keySelector());
    var claimsVerifier =
        new DefaultJWTClaimsVerifier<SecurityContext>(
            // Nimbus asks these sets whether they contain null: Set.of() would throw
            new HashSet<>(List.of(audience)),
            new JWTClaimsSet.Builder().issuer(settings.issuer().orElseThrow()).build(),
            new HashSet<>(REQUIRED),
            null);
    claimsVerifier.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    built.setJWTClaimsSetVerifier(claimsVerifier);
    mapping = settings.roleMapping();
    processor = built;
    return built;
  }

  /** The role names a caller with these roles holds, highest first. */
  public static List<String> names(Set<Role> roles) {
    return roles.stream().sorted().map(Role::apiName).toList();
  }
}
