package org.agentry.tenant.entity;

import java.io.Serializable;
import java.util.Objects;

/**
 * The primary key of a row whose name is unique within its tenant (agents, providers, agent
 * budgets). A class rather than a record because JPA needs a no-arg constructor for an id class.
 */
public class TenantKey implements Serializable {

  private static final long serialVersionUID = 1L;

  private String tenant;
  private String name;

  protected TenantKey() {}

  /**
   * The key of {@code name} of tenant {@code tenant}.
   *
   * @throws NullPointerException if either is null
   */
  public TenantKey(String tenant, String name) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.name = Objects.requireNonNull(name, "name");
  }

  public String getTenant() {
    return tenant;
  }

  public String getName() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantKey k && tenant.equals(k.tenant) && name.equals(k.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenant, name);
  }

  @Override
  public String toString() {
    return tenant + "/" + name;
  }
}
