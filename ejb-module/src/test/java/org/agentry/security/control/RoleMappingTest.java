package org.agentry.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agentry.security.entity.Role;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

  private static final String PAIRS = "agentry-admins=admin, agentry-ops=operator,staff=viewer";

  @Test
  void groupsMapToRolesAndUnmappedOnesAreIgnored() {
    var mapping = RoleMapping.parse("groups", PAIRS);
    var claims = Map.<String, Object>of("groups", List.of("staff", "agentry-ops", "marketing"));
    assertEquals(Set.of(Role.OPERATOR, Role.VIEWER), mapping.rolesOf(claims));
  }

  @Test
  void aNestedClaimIsFoundByItsDottedPath() {
    var mapping = RoleMapping.parse("realm_access.roles", PAIRS);
    var claims =
        Map.<String, Object>of(
            "realm_access", Map.of("roles", List.of("agentry-admins", "offline_access")));
    assertEquals(Set.of(Role.ADMIN), mapping.rolesOf(claims));
  }

  @Test
  void aClaimWhoseWholeNameIsThePathWinsOverWalking() {
    var mapping = RoleMapping.parse("https://example.com/roles", PAIRS);
    var claims = Map.<String, Object>of("https://example.com/roles", "staff");
    assertEquals(Set.of(Role.VIEWER), mapping.rolesOf(claims));
  }

  @Test
  void keycloakGroupPathsMatchWithoutTheirLeadingSlash() {
    var mapping = RoleMapping.parse("groups", PAIRS);
    assertEquals(
        Set.of(Role.ADMIN),
        mapping.rolesOf(Map.<String, Object>of("groups", List.of("/agentry-admins"))));
  }

  @Test
  void aMissingOrOddClaimMapsToNoRole() {
    var mapping = RoleMapping.parse("roles", PAIRS);
    assertTrue(mapping.rolesOf(Map.of()).isEmpty());
    assertTrue(mapping.rolesOf(Map.<String, Object>of("roles", 42)).isEmpty());
    assertTrue(
        RoleMapping.parse("a.b", PAIRS).rolesOf(Map.<String, Object>of("a", "flat")).isEmpty());
  }

  @Test
  void withoutAMappingTheRoleNamesMapToThemselves() {
    var mapping = RoleMapping.parse("roles", " ");
    assertEquals(
        Set.of(Role.ADMIN, Role.VIEWER),
        mapping.rolesOf(Map.<String, Object>of("roles", List.of("admin", "viewer", "root"))));
  }

  @Test
  void aBadMappingIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RoleMapping.parse("groups", "ops"));
    assertThrows(IllegalArgumentException.class, () -> RoleMapping.parse("groups", "ops=root"));
  }
}
