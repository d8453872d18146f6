package org.agentry.tenant.control;

import jakarta.enterprise.context.RequestScoped;
import org.agentry.tenant.entity.Tenants;

/**
 * The tenant the current API request acts in, set by the web layer once the caller is
 * authenticated: the caller's own tenant, or, for a platform admin, the one {@code ?tenant=} names.
 * Outside an API request it is {@value Tenants#DEFAULT}; background work does not read it.
 */
@RequestScoped
public class CallerTenant {

  private String own = Tenants.DEFAULT;
  private String acting = Tenants.DEFAULT;
  private boolean platformAdmin;

  /**
   * Records the authenticated caller's tenant.
   *
   * @param tenant the caller's tenant
   * @param platformAdmin whether it may act in other tenants with {@code ?tenant=}
   */
  public void signedIn(String tenant, boolean platformAdmin) {
    this.own = Tenants.require(tenant);
    this.acting = own;
    this.platformAdmin = platformAdmin;
  }

  /**
   * Acts in another tenant, as a platform admin asked with {@code ?tenant=}.
   *
   * @return false (and nothing changes) if the caller is no platform admin and names a tenant other
   *     than its own, or the name is invalid
   */
  public boolean actIn(String tenant) {
    if (!Tenants.valid(tenant) || !(platformAdmin || tenant.equals(own))) {
      return false;
    }
    acting = tenant;
    return true;
  }

  /**
   * Acts for a row's tenant in work without a caller (a schedule's slot, a sensor's event): what
   * the work creates belongs to that tenant.
   */
  public void workFor(String tenant) {
    signedIn(tenant, false);
  }

  /** The tenant the request acts in. */
  public String id() {
    return acting;
  }

  /** The caller's own tenant. */
  public String own() {
    return own;
  }

  /** Whether the caller may act across tenants. */
  public boolean platformAdmin() {
    return platformAdmin;
  }
}
