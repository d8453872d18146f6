package org.agentry.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agentry.security.entity.Role;
import org.junit.jupiter.api.Test;

class TenantClaimTest {

  private static final RoleMapping MAPPING = RoleMapping.parse("groups", "");

  @Test
  void theTenantClaimNamesTheTenantAndAbsentMeansDefault() {
    var claim = new TenantClaim("org", "platform-admin");
    assertEquals("acme", claim.tenantOf(Map.of("org", "acme")));
    assertEquals("default", claim.tenantOf(Map.of("tenant", "acme")));
    assertEquals("default", claim.tenantOf(Map.of("org", " ")));
  }

  @Test
  void anInvalidTenantIsRefused() {
    var claim = TenantClaim.DEFAULTS;
    assertThrows(IllegalArgumentException.class, () -> claim.tenantOf(Map.of("tenant", "a/b")));
    assertThrows(IllegalArgumentException.class, () -> claim.tenantOf(Map.of("tenant", 42)));
    assertThrows(
        IllegalArgumentException.class, () -> claim.tenantOf(Map.of("tenant", "x".repeat(64))));
  }

  @Test
  void thePlatformAdminGroupMakesAPlatformAdmin() {
    var admin =
        OidcIdentity.of(
            Map.of("sub", "s", "tenant", "acme", "groups", List.of("admin", "platform-admin")),
            MAPPING,
            TenantClaim.DEFAULTS);
    assertEquals("acme", admin.tenant());
    assertTrue(admin.platformAdmin());
    assertEquals(Set.of(Role.ADMIN), admin.roles());
    var plain =
        OidcIdentity.of(
            Map.of("sub", "s", "groups", List.of("viewer")), MAPPING, TenantClaim.DEFAULTS);
    assertEquals("default", plain.tenant());
    assertFalse(plain.platformAdmin());
  }
}
