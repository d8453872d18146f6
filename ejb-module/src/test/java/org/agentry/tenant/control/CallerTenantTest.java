package org.agentry.tenant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CallerTenantTest {

  @Test
  void withoutACallerTheTenantIsDefault() {
    assertEquals("default", new CallerTenant().id());
  }

  @Test
  void aCallerMayNameOnlyItsOwnTenant() {
    var tenant = new CallerTenant();
    tenant.signedIn("acme", false);
    assertTrue(tenant.actIn("acme"));
    assertFalse(tenant.actIn("globex"));
    assertEquals("acme", tenant.id());
  }

  @Test
  void aPlatformAdminMayActInAnyValidTenant() {
    var tenant = new CallerTenant();
    tenant.signedIn("default", true);
    assertTrue(tenant.actIn("globex"));
    assertEquals("globex", tenant.id());
    assertEquals("default", tenant.own());
    assertFalse(tenant.actIn("../etc"));
    assertEquals("globex", tenant.id());
  }
}
