package org.agentry.tenant.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Problem;
import org.agentry.tenant.control.CallerTenant;

/**
 * Guards what all tenants share (skills, MCP servers, the dispatch switch, the organism, agent
 * packages): only a platform admin changes it. Anyone else with the endpoint's role gets 403 {@code
 * TENANT_FORBIDDEN}.
 */
@ApplicationScoped
public class PlatformAdminCheck {

  @Inject CallerTenant tenant;

  /**
   * Refuses a caller that is no platform admin.
   *
   * @throws ApiException 403 {@code TENANT_FORBIDDEN}
   */
  public void require() {
    if (!tenant.platformAdmin()) {
      throw new ApiException(
          new Problem(
              403,
              "TENANT_FORBIDDEN",
              "Platform admin required",
              "This changes what every tenant shares; only a platform admin may."));
    }
  }
}
