package org.agentry.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The OpenID Connect authorization-code flow (OpenID Connect Core 1.0, section 3.1) with PKCE S256
 * (RFC 7636), {@code state} and {@code nonce}: where to send the browser, and what the callback's
 * code is worth. The client authenticates with {@code client_secret_basic} when {@code
 * agentry.oidc.client-secret} is set, else as a public client.
 */
@ApplicationScoped
public class SignInFlow {

  /**
   * A sign-in begun: where to send the browser, and the secrets the callback must present again.
   *
   * @param authorizationUri the provider's authorization endpoint with the request's parameters
   */
  public record Started(URI authorizationUri, String state, String nonce, String codeVerifier) {}

  private static final Logger LOG = Logger.getLogger(SignInFlow.class.getName());
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 15_000;

  @Inject OidcSettings settings;

  @Inject OidcIssuer issuer;

  @Inject JwtVerifier jwtVerifier;

  /**
   * Begins a sign-in.
   *
   * @param redirectUri this server's callback, {@code …/auth/callback}
   * @throws OidcUnavailableException if the provider cannot be discovered or no client id is set
   */
  public Started start(URI redirectUri) {
    var state = new State();
    var nonce = new Nonce();
    var verifier = new CodeVerifier();
    var request =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                new Scope(OIDCScopeValue.OPENID, OIDCScopeValue.PROFILE, OIDCScopeValue.EMAIL),
                clientId(),
                redirectUri)
            .endpointURI(issuer.metadata().getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build();
    return new Started(request.toURI(), state.getValue(), nonce.getValue(), verifier.getValue());
  }

  /**
   * Finishes a sign-in: checks the callback's {@code state}, exchanges its code at the token
   * endpoint with the PKCE verifier, and verifies the ID token (signature, {@code iss}, {@code
   * aud}, {@code exp}, {@code nonce}). Roles come from the ID token's claims, else from the access
   * token's when it is a JWT this server accepts.
   *
   * @param callback the callback request's full URI, with its query
   * @param started the sign-in as {@link #start} began it
   * @throws InvalidTokenException if the provider refused, the state differs, or a token fails
   */
  public OidcIdentity finish(URI callback, Started started, URI redirectUri)
      throws InvalidTokenException {
    try {
      var response = AuthenticationResponseParser.parse(callback);
      if (!new State(started.state()).equals(response.getState())) {
        throw new InvalidTokenException("the callback's state is not the sign-in's");
      }
      if (!response.indicatesSuccess()) {
        throw new InvalidTokenException(
            "the identity provider refused: "
                + response.toErrorResponse().getErrorObject().getCode());
      }
      var code = response.toSuccessResponse().getAuthorizationCode();
      if (code == null) {
        throw new InvalidTokenException("the callback carries no code");
      }
      var grant =
          new AuthorizationCodeGrant(code, redirectUri, new CodeVerifier(started.codeVerifier()));
      var tokens = exchange(grant);
      var validator =
          new IDTokenValidator(
              new Issuer(settings.issuer().orElseThrow()), clientId(), issuer.keySelector(), null);
      validator.setMaxClockSkew((int) settings.clockSkew().toSeconds());
      var claims =
          validator.validate(tokens.getIDToken(), new Nonce(started.nonce())).toJWTClaimsSet();
      var identity =
          OidcIdentity.of(claims.toJSONObject(), settings.roleMapping(), settings.tenantClaim());
      return identity.roles().isEmpty()
          ? withAccessTokenRoles(identity, tokens.getAccessToken().getValue())
          : identity;
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException(e.getMessage());
    } catch (ParseException e) {
      throw new InvalidTokenException("unreadable answer from the identity provider");
    } catch (BadJOSEException | JOSEException e) {
      throw new InvalidTokenException("ID token refused: " + e.getMessage());
    }
  }

  private com.nimbusds.openid.connect.sdk.token.OIDCTokens exchange(AuthorizationCodeGrant grant)
      throws ParseException, InvalidTokenException {
    var endpoint = issuer.metadata().getTokenEndpointURI();
    var request =
        settings
            .clientSecret()
            .map(
                s ->
                    new TokenRequest(
                        endpoint, new ClientSecretBasic(clientId(), new Secret(s)), grant))
            .orElseGet(() -> new TokenRequest(endpoint, clientId(), grant));
    var http = request.toHTTPRequest();
    http.setConnectTimeout(CONNECT_TIMEOUT_MS);
    http.setReadTimeout(READ_TIMEOUT_MS);
    try {
      var response = OIDCTokenResponseParser.parse(http.send());
      if (!response.indicatesSuccess()) {
        throw new InvalidTokenException(
            "the token endpoint refused the code: "
                + response.toErrorResponse().getErrorObject().getCode());
      }
      return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    } catch (IOException e) {
      throw new OidcUnavailableException("the token endpoint cannot be reached");
    }
  }

  private OidcIdentity withAccessTokenRoles(OidcIdentity identity, String accessToken) {
    if (!JwtVerifier.isJwt(accessToken)) {
      return identity;
    }
    try {
      var roles = jwtVerifier.verify(accessToken).roles();
      return identity.withRoles(roles);
    } catch (InvalidTokenException e) {
      LOG.fine(() -> "access token not used for roles: " + e.getMessage());
      return identity;
    }
  }

  /** The provider's end-session endpoint (RP-Initiated Logout 1.0), if it has one. */
  public Optional<URI> endSessionEndpoint() {
    return Optional.ofNullable(issuer.metadata().getEndSessionEndpointURI());
  }

  private ClientID clientId() {
    return new ClientID(
        settings
            .clientId()
            .orElseThrow(() -> new OidcUnavailableException("agentry.oidc.client-id is not set")));
  }
}
