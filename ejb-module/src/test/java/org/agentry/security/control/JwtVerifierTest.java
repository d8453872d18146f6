package org.agentry.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.util.List;
import java.util.Set;
import org.agentry.security.entity.Role;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

  @Test
  void jwtsAreToldApartFromApiKeysAndAdminTokens() {
    var unsigned = new PlainJWT(new JWTClaimsSet.Builder().subject("x").build()).serialize();
    assertTrue(JwtVerifier.isJwt(unsigned), "an alg:none JWT still goes to the JWT check");
    assertFalse(JwtVerifier.isJwt(Tokens.generate()));
    assertFalse(JwtVerifier.isJwt("it-admin-3f1c"));
    assertFalse(JwtVerifier.isJwt("a.b.c"));
  }

  @Test
  void roleNamesAreListedHighestFirst() {
    assertEquals(List.of("admin", "viewer"), JwtVerifier.names(Set.of(Role.VIEWER, Role.ADMIN)));
  }
}
