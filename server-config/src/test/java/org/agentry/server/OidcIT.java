package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a real OpenID Connect provider on loopback (mock-oauth2-server: discovery,
 * JWKS, authorization endpoint with a login form, token endpoint) and a dedicated Agentry server
 * (on H2) configured with its issuer: bearer JWTs per role, the tokens that must be refused, key
 * rotation without restart, and the browser code flow with its session cookie, CSRF check and
 * logout.
 */
class OidcIT {

  private static final String ISSUER_ID = "agentry-idp";
  private static final String AUDIENCE = "agentry-api";
  private static final String CLIENT_ID = "agentry-console";
  private static final String CLIENT_SECRET = "console-secret-" + UUID.randomUUID();
  private static final String ADMIN = "oidc-admin-" + UUID.randomUUID();

  private static MockOAuth2Server idp;
  private static RotatingKeys keys;
  private static ServerProcess server;
  private static String base;
  private static String issuer;
  private static final HttpClient PLAIN =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() throws Exception {
    keys = new RotatingKeys();
    idp =
        new MockOAuth2Server(
            new OAuth2Config(
                true, null, null, false, new OAuth2TokenProvider(keys, (Instant) null)));
    idp.start(java.net.InetAddress.getLoopbackAddress(), 0);
    issuer = idp.issuerUrl(ISSUER_ID).toString();
    // the provider's first answers are slow (templates, keys): warm it before the server asks
    PLAIN.send(
        HttpRequest.newBuilder(URI.create(idp.wellKnownUrl(ISSUER_ID).toString())).build(),
        HttpResponse.BodyHandlers.discarding());
    PLAIN.send(
        HttpRequest.newBuilder(URI.create(idp.jwksUrl(ISSUER_ID).toString())).build(),
        HttpResponse.BodyHandlers.discarding());
    var env =
        Map.of(
            "AGENTRY_ADMIN_TOKEN", ADMIN,
            "AGENTRY_OIDC_ISSUER", issuer,
            "AGENTRY_OIDC_AUDIENCE", AUDIENCE,
            "AGENTRY_OIDC_CLIENT_ID", CLIENT_ID,
            "AGENTRY_OIDC_CLIENT_SECRET", CLIENT_SECRET,
            "AGENTRY_OIDC_ROLE_MAPPING", "agentry-admins=admin,agentry-ops=operator,staff=viewer",
            "AGENTRY_OIDC_JWKS_MIN_REFRESH_SECONDS", "1");
    server = new ServerProcess(ServerProcess.workDirectory("oidc").resolve("data"), env).start();
    base = server.base();
    // the server discovers the provider at its first JWT; on a busy machine that may take a while
    var warm = token("warm-up", List.of("staff"));
    for (int i = 0; i < 60 && get("/api/v1/me", warm).statusCode() != 200; i++) {
      Thread.sleep(1000);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (idp != null) {
      idp.shutdown();
    }
  }

  @Test
  void eachMappedGroupGetsItsRole() throws Exception {
    var viewer = token("vera", List.of("staff"));
    var operator = token("otto", List.of("agentry-ops", "unrelated"));
    var admin = token("ada", List.of("agentry-admins"));

    assertEquals(200, get("/api/v1/agents", viewer).statusCode());
    assertEquals(403, post("/api/v1/agents", viewer, "{}").statusCode());
    assertEquals(403, get("/api/v1/api-keys", viewer).statusCode());

    assertEquals(400, post("/api/v1/agents", operator, "{}").statusCode());
    assertEquals(403, get("/api/v1/api-keys", operator).statusCode());

    assertEquals(200, get("/api/v1/api-keys", admin).statusCode());
    var created = post("/api/v1/api-keys", admin, "{\"name\":\"from-sso\",\"role\":\"viewer\"}");
    assertEquals(201, created.statusCode(), created.body());

    var me = get("/api/v1/me", operator);
    assertEquals(200, me.statusCode(), me.body());
    assertTrue(me.body().contains("\"subject\":\"otto\""), me.body());
    assertTrue(me.body().contains("\"roles\":[\"operator\"]"), me.body());
    assertTrue(me.body().contains("\"tenant\":\"default\""), me.body());
    assertTrue(me.body().contains("\"authenticatedBy\":\"oidc\""), me.body());
    assertTrue(me.body().contains("\"email\":\"otto@example.com\""), me.body());
  }

  @Test
  void theTenantClaimSeparatesCallersAndAPlatformAdminCrossesWithTheParameter() throws Exception {
    var acme = tokenIn("wile", List.of("agentry-admins"), "acme");
    var globex = tokenIn("hank", List.of("agentry-admins"), "globex");
    var me = get("/api/v1/me", acme);
    assertTrue(me.body().contains("\"tenant\":\"acme\""), me.body());
    for (var token : List.of(acme, globex)) {
      var provider =
          post(
              "/api/v1/providers",
              token,
              "{\"name\":\"tp\",\"kind\":\"scripted\",\"scriptedTurns\":[{\"text\":\"x\"}]}");
      assertEquals(201, provider.statusCode(), provider.body());
    }
    var agent =
        "{\"name\":\"same\",\"systemPrompt\":\"p\",\"provider\":\"tp\",\"model\":\"scripted\"}";
    assertEquals(201, post("/api/v1/agents", acme, agent).statusCode());
    assertEquals(404, get("/api/v1/agents/same", globex).statusCode());
    assertFalse(get("/api/v1/agents", globex).body().contains("\"same\""));
    assertEquals(201, post("/api/v1/agents", globex, agent).statusCode());
    assertEquals(403, get("/api/v1/agents?tenant=acme", globex).statusCode());

    var platform = tokenIn("pat", List.of("agentry-admins", "platform-admin"), "default");
    assertEquals(404, get("/api/v1/agents/same", platform).statusCode());
    assertEquals(200, get("/api/v1/agents/same?tenant=acme", platform).statusCode());
    assertEquals(200, get("/api/v1/usage?groupBy=tenant", platform).statusCode());
    assertEquals(403, get("/api/v1/usage?groupBy=tenant", acme).statusCode());

    var invalid = tokenIn("ivan", List.of("agentry-admins"), "a/b");
    assertEquals(401, get("/api/v1/me", invalid).statusCode());
  }

  @Test
  void changesBySsoCallersAndRefusedTokensAreAudited() throws Exception {
    var admin = token("audrey", List.of("agentry-admins"));
    var created = post("/api/v1/api-keys", admin, "{\"name\":\"audited\",\"role\":\"viewer\"}");
    assertEquals(201, created.statusCode(), created.body());
    var rows = get("/api/v1/audit?action=apikey.issue&actor=oidc:audrey", admin);
    assertEquals(200, rows.statusCode(), rows.body());
    assertTrue(rows.body().contains("\"authMethod\":\"oidc\""), rows.body());
    assertTrue(rows.body().contains("\"outcome\":\"ok\""), rows.body());

    var stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
    var forged = sign(stranger, claims("forger-" + UUID.randomUUID()).build());
    assertEquals(401, get("/api/v1/me", forged).statusCode());
    var failures = get("/api/v1/audit?action=signin.failure", admin).body();
    assertTrue(failures.contains("\"outcome\":\"INVALID_TOKEN\""), failures);
    assertFalse(failures.contains(forged.substring(0, 40)), "no part of the token is kept");
  }

  @Test
  void aValidTokenWithoutAMappedRoleIsForbiddenNotUnauthenticated() throws Exception {
    var nobody = token("nobody", List.of("marketing"));
    var refused = get("/api/v1/agents", nobody);
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("\"code\":\"FORBIDDEN\""), refused.body());
    var me = get("/api/v1/me", nobody);
    assertEquals(200, me.statusCode());
    assertTrue(me.body().contains("\"roles\":[]"), me.body());
  }

  @Test
  void apiKeysAndTheAdminTokenStillWork() throws Exception {
    var me = get("/api/v1/me", ADMIN);
    assertEquals(200, me.statusCode());
    assertTrue(me.body().contains("\"authenticatedBy\":\"admin-token\""), me.body());
    assertEquals(401, get("/api/v1/agents", "agentry_unknown").statusCode());
  }

  @Test
  void expiredWrongIssuerWrongAudienceAndForgedTokensAreUnauthenticated() throws Exception {
    var expired =
        idp.issueToken(
                ISSUER_ID,
                CLIENT_ID,
                new DefaultOAuth2TokenCallback(
                    ISSUER_ID, "late", "JWT", List.of(AUDIENCE), groups("agentry-admins"), -600))
            .serialize();
    var wrongAudience =
        idp.issueToken(
                ISSUER_ID,
                CLIENT_ID,
                new DefaultOAuth2TokenCallback(
                    ISSUER_ID,
                    "elsewhere",
                    "JWT",
                    List.of("another-api"),
                    groups("agentry-admins"),
                    600))
            .serialize();
    var otherIssuer =
        idp.issueToken(
                "other-idp",
                CLIENT_ID,
                new DefaultOAuth2TokenCallback(
                    "other-idp",
                    "mallory",
                    "JWT",
                    List.of(AUDIENCE),
                    groups("agentry-admins"),
                    600))
            .serialize();
    var realKey = (RSAKey) keys.signingKey(ISSUER_ID);
    var wrongIssuerRightKey = sign(realKey, claims("mallory").issuer(issuer + "-not").build());
    var anotherKeySameKid =
        sign(new RSAKeyGenerator(2048).keyID(realKey.getKeyID()).generate(), claims("eve").build());
    var anotherKeyNewKid =
        sign(
            new RSAKeyGenerator(2048).keyID("forged-" + UUID.randomUUID()).generate(),
            claims("eve").build());
    var unsigned = new PlainJWT(claims("none").build()).serialize();
    var hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(realKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims("hmac").build());
    hmac.sign(new MACSigner(new byte[32]));

    var refused =
        Map.of(
            "expired", expired,
            "wrong audience", wrongAudience,
            "other issuer", otherIssuer,
            "wrong issuer, right key", wrongIssuerRightKey,
            "another key, same kid", anotherKeySameKid,
            "another key, new kid", anotherKeyNewKid,
            "alg none", unsigned,
            "HS256", hmac.serialize());
    // the well-formed control token passes, so a refusal below is the token's fault
    assertEquals(200, get("/api/v1/agents", sign(realKey, claims("ok").build())).statusCode());
    for (var entry : refused.entrySet()) {
      var reply = get("/api/v1/agents", entry.getValue());
      assertEquals(401, reply.statusCode(), entry.getKey() + ": " + reply.body());
      assertTrue(
          reply
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/problem+json"),
          entry.getKey());
      assertTrue(
          reply
              .headers()
              .firstValue("WWW-Authenticate")
              .orElse("")
              .contains("error=\"invalid_token\""),
          entry.getKey());
    }
    var log = java.nio.file.Files.readString(server.log);
    for (var token : refused.values()) {
      assertFalse(log.contains(token), "a token was logged");
    }
  }

  @Test
  void aKeyRotatedAtTheProviderIsAcceptedWithoutRestart() throws Exception {
    assertEquals(200, get("/api/v1/agents", token("before", List.of("staff"))).statusCode());
    var rotated = keys.rotate();
    var token = token("after", List.of("staff"));
    assertTrue(token.contains("."), "issued");
    assertEquals(rotated.getKeyID(), SignedJWT.parse(token).getHeader().getKeyID());
    int status = 0;
    for (int i = 0; i < 40 && status != 200; i++) {
      status = get("/api/v1/agents", token).statusCode();
      if (status != 200) {
        Thread.sleep(250); // the key set's refetch is rate-limited to one a second
      }
    }
    assertEquals(200, status, "a token signed with the provider's new key");
  }

  /**
   * The provider's keys: one RSA key for the test issuer that {@link #rotate} replaces (the JWKS
   * endpoint then publishes only the new one, and new tokens carry its {@code kid}); other issuers
   * get the library's own keys.
   */
  static final class RotatingKeys extends KeyProvider {
    private volatile RSAKey current = newKey("first");

    RSAKey rotate() {
      current = newKey("rotated");
      return current;
    }

    @Override
    public com.nimbusds.jose.jwk.JWK signingKey(String keyId) {
      return ISSUER_ID.equals(keyId) ? current : super.signingKey(keyId);
    }

    private static RSAKey newKey(String name) {
      try {
        return new RSAKeyGenerator(2048).keyID(name + "-" + UUID.randomUUID()).generate();
      } catch (com.nimbusds.jose.JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void theBrowserSignsInWithTheCodeFlowAndTheSessionCookieNeedsCsrfToChangeThings()
      throws Exception {
    var cookies = new CookieManager();
    var browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    var loginPage =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/auth/login?return=/console/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, loginPage.statusCode(), loginPage.body());
    var authorize = loginPage.uri();
    assertTrue(authorize.toString().startsWith(issuer), authorize.toString());
    assertTrue(authorize.getQuery().contains("code_challenge_method=S256"), authorize.getQuery());
    assertTrue(authorize.getQuery().contains("nonce="), authorize.getQuery());
    assertTrue(loginPage.body().contains("name=\"username\""), "the provider's login form");

    var form =
        "username=ada&claims="
            + URLEncoder.encode(
                "{\"groups\":[\"agentry-admins\"],\"name\":\"Ada L\",\"email\":\"ada@example.com\"}",
                StandardCharsets.UTF_8);
    var landed =
        browser.send(
            HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(URI.create(base + "/console/").getPath(), landed.uri().getPath());
    var session = cookie(cookies, "agentry_session");
    var csrf = cookie(cookies, "agentry_csrf");
    assertNotNull(session, "session cookie set");
    assertNotNull(csrf, "CSRF cookie set");
    assertTrue(session.isHttpOnly());
    assertFalse(csrf.isHttpOnly());

    var me =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, me.statusCode(), me.body());
    assertTrue(me.body().contains("\"authenticatedBy\":\"session\""), me.body());
    assertTrue(me.body().contains("\"subject\":\"ada\""), me.body());
    assertTrue(me.body().contains("\"roles\":[\"admin\"]"), me.body());

    var body = "{\"name\":\"csrf-probe\",\"role\":\"viewer\"}";
    var noCsrf =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/api-keys"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, noCsrf.statusCode(), noCsrf.body());
    assertTrue(noCsrf.body().contains("\"code\":\"CSRF_REFUSED\""), noCsrf.body());
    var wrongCsrf =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/api-keys"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf.getValue() + "x")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, wrongCsrf.statusCode(), wrongCsrf.body());
    var withCsrf =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/api-keys"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf.getValue())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, withCsrf.statusCode(), withCsrf.body());

    var logout =
        PLAIN.send(
            HttpRequest.newBuilder(URI.create(base + "/auth/logout"))
                .header("Cookie", "agentry_session=" + session.getValue())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, logout.statusCode(), logout.body());
    assertTrue(
        logout
            .headers()
            .firstValue("Location")
            .orElse("")
            .startsWith(idp.endSessionEndpointUrl(ISSUER_ID).toString()),
        logout.headers().toString());
    var after =
        PLAIN.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Cookie", "agentry_session=" + session.getValue())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, after.statusCode(), after.body());
  }

  @Test
  void theConsoleSignsInThroughSingleSignOnInARealBrowser() throws Exception {
    try (var browser = new Browser(base)) {
      browser.driver.get(base + "/console/");
      browser.click(org.openqa.selenium.By.id("sso"));
      // the provider's own sign-in page (mock-oauth2-server's interactive login form)
      var user = browser.await(org.openqa.selenium.By.name("username"));
      assertTrue(browser.driver.getCurrentUrl().startsWith(issuer), browser.driver.getCurrentUrl());
      user.sendKeys("grace");
      var claims = browser.driver.findElement(org.openqa.selenium.By.name("claims"));
      claims.sendKeys("{\"groups\":[\"agentry-ops\"],\"name\":\"Grace Hopper\"}");
      claims.submit();
      browser.awaitExactText(
          org.openqa.selenium.By.id("who-name"), "Grace Hopper", Duration.ofSeconds(30));
      assertEquals("operator", browser.await(org.openqa.selenium.By.id("who-role")).getText());
      assertTrue(browser.driver.getCurrentUrl().startsWith(base + "/console/"));
      assertTrue(browser.await(org.openqa.selenium.By.id("who")).getText().contains("via session"));
      // no token in the tab: the console rides on the session cookie
      assertEquals(null, browser.script("return sessionStorage.getItem('agentry.console.token')"));
      browser.await(org.openqa.selenium.By.id("dispatch-state"));
      browser.screenshot("sso-signed-in");
    }
  }

  @Test
  void aCallbackWithoutItsSignInOrWithAForeignStateFails() throws Exception {
    var reply =
        PLAIN.send(
            HttpRequest.newBuilder(URI.create(base + "/auth/callback?code=x&state=y")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, reply.statusCode(), reply.body());
    assertTrue(reply.body().contains("\"code\":\"SIGN_IN_FAILED\""), reply.body());
  }

  @Test
  void theLoginRedirectCarriesNoForeignReturnPath() throws Exception {
    var reply =
        PLAIN.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "/auth/login?return="
                            + URLEncoder.encode("//evil.example/x", StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, reply.statusCode());
    var location = reply.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(idp.authorizationEndpointUrl(ISSUER_ID).toString()), location);
    assertTrue(location.contains("client_id=" + CLIENT_ID), location);
    assertFalse(location.contains("evil"), location);
  }

  private static java.net.HttpCookie cookie(CookieManager cookies, String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static Map<String, Object> groups(String... names) {
    return Map.of("groups", List.of(names));
  }

  /** A token the provider issues for this audience, with these groups. */
  private static String token(String subject, List<String> groups) {
    return idp.issueToken(
            ISSUER_ID,
            CLIENT_ID,
            new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                subject,
                "JWT",
                List.of(AUDIENCE),
                Map.of("groups", groups, "email", subject + "@example.com"),
                600))
        .serialize();
  }

  /** A token of a caller of {@code tenant} (its {@code tenant} claim). */
  private static String tokenIn(String subject, List<String> groups, String tenant) {
    return idp.issueToken(
            ISSUER_ID,
            CLIENT_ID,
            new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                subject,
                "JWT",
                List.of(AUDIENCE),
                Map.of("groups", groups, "tenant", tenant),
                600))
        .serialize();
  }

  private static JWTClaimsSet.Builder claims(String subject) {
    var now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(subject)
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("groups", List.of("agentry-admins"));
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return PLAIN.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String token, String json)
      throws Exception {
    return PLAIN.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
