package org.agentry.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void eachRoleIncludesTheRolesBelowIt() {
    assertEquals(Set.of("admin", "operator", "viewer"), Role.ADMIN.grantedRoleNames());
    assertEquals(Set.of("operator", "viewer"), Role.OPERATOR.grantedRoleNames());
    assertEquals(Set.of("viewer"), Role.VIEWER.grantedRoleNames());
  }

  @Test
  void parsesApiNamesCaseInsensitively() {
    assertEquals(Role.OPERATOR, Role.fromApiName(" Operator "));
    assertEquals("viewer", Role.VIEWER.apiName());
  }

  @Test
  void refusesUnknownRoles() {
    assertThrows(IllegalArgumentException.class, () -> Role.fromApiName("root"));
    assertThrows(IllegalArgumentException.class, () -> Role.fromApiName(null));
  }
}
