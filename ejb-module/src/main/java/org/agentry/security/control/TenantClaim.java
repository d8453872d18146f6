package org.agentry.security.control;

import java.util.Map;
import org.agentry.tenant.entity.Tenants;

/**
 * Where a token names its tenant, and which group makes a platform admin.
 *
 * @param claim the claim holding the tenant's name (a string), e.g. {@code tenant}; a token without
 *     it belongs to the default tenant
 * @param platformAdminGroup the IdP group (in the roles claim) whose members may act across tenants
 *     with {@code ?tenant=}
 */
public record TenantClaim(String claim, String platformAdminGroup) {

  /** {@code tenant} and {@code platform-admin}. */
  public static final TenantClaim DEFAULTS = new TenantClaim("tenant", "platform-admin");

  /**
   * The tenant a token's claims name.
   *
   * @return {@value Tenants#DEFAULT} when the claim is absent or blank
   * @throws IllegalArgumentException if the claim is not a string matching {@value Tenants#PATTERN}
   */
  public String tenantOf(Map<String, Object> claims) {
    var value = claims.get(claim);
    if (value == null || value instanceof String s && s.isBlank()) {
      return Tenants.DEFAULT;
    }
    if (value instanceof String s && Tenants.valid(s)) {
      return s;
    }
    throw new IllegalArgumentException("the '" + claim + "' claim is not a valid tenant name");
  }
}
