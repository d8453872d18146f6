package org.agentry.security.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Role checks, deny by default. */
class RoleCheckTest {

  static class Unannotated {
    public void open() {}
  }

  @RolesAllowed("viewer")
  static class ForViewers {
    public void read() {}

    @RolesAllowed("admin")
    public void change() {}
  }

  @Test
  void aMethodNamingNoRoleIsDeniedEvenToAnAdmin() throws Exception {
    var roles = RoleCheck.rolesFor(resource(Unannotated.class.getMethod("open")));

    assertEquals(0, roles.length);
    assertEquals(403, RoleCheck.refusal(caller(Set.of("admin", "operator", "viewer")), roles));
  }

  @Test
  void theMethodsRolesWinOverTheClasss() throws Exception {
    assertArrayEquals(
        new String[] {"viewer"}, RoleCheck.rolesFor(resource(ForViewers.class.getMethod("read"))));
    var roles = RoleCheck.rolesFor(resource(ForViewers.class.getMethod("change")));
    assertArrayEquals(new String[] {"admin"}, roles);
    assertEquals(0, RoleCheck.refusal(caller(Set.of("admin")), roles));
    assertEquals(403, RoleCheck.refusal(caller(Set.of("viewer")), roles));
    assertEquals(401, RoleCheck.refusal(caller(null), roles));
  }

  private static ResourceInfo resource(Method method) {
    return (ResourceInfo)
        Proxy.newProxyInstance(
            ResourceInfo.class.getClassLoader(),
            new Class<?>[] {ResourceInfo.class},
            (self, called, args) ->
                called.getName().equals("getResourceMethod") ? method : method.getDeclaringClass());
  }

  /** A caller in these roles; null roles: no caller at all. */
  private static SecurityContext caller(Set<String> roles) {
    Principal someone = () -> "someone";
    return (SecurityContext)
        Proxy.newProxyInstance(
            SecurityContext.class.getClassLoader(),
            new Class<?>[] {SecurityContext.class},
            (self, called, args) ->
                called.getName().equals("getUserPrincipal")
                    ? (roles == null ? null : someone)
                    : roles != null && roles.contains(args[0]));
  }
}
