package org.agentry.tenant.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TenantParameterTest {

  @Test
  void theTenantParameterIsFoundAndDecoded() {
    assertEquals("acme", TenantParameter.of("limit=5&tenant=acme"));
    assertEquals("a b", TenantParameter.of("tenant=a%20b&tenant=other"));
    assertEquals("", TenantParameter.of("tenant"));
  }

  @Test
  void withoutItThereIsNone() {
    assertNull(TenantParameter.of(null));
    assertNull(TenantParameter.of(""));
    assertNull(TenantParameter.of("tenants=x&xtenant=y"));
  }
}
