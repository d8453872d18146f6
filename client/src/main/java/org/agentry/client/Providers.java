package org.agentry.client;

import jakarta.ws.rs.core.GenericType;
import java.util.List;
import org.agentry.client.model.Provider;
import org.agentry.client.model.ProviderRequest;

/**
 * {@code /api/v1/providers}: reading needs the viewer role, changing the admin role. API keys are
 * write-only: sent in a {@link ProviderRequest}, never returned.
 */
public final class Providers {

  private static final GenericType<List<Provider>> LIST = new GenericType<>() {};

  private final Http http;

  Providers(Http http) {
    this.http = http;
  }

  /** Every provider. */
  public List<Provider> list() {
    return http.get(http.path("providers"), LIST);
  }

  /** One provider; {@code PROVIDER_NOT_FOUND}. */
  public Provider get(String name) {
    return http.get(http.path("providers", name), Provider.class);
  }

  /** Creates a provider; 409 {@code PROVIDER_EXISTS}. */
  public Provider create(ProviderRequest provider) {
    return http.post(http.path("providers"), provider, Provider.class);
  }

  /** Deletes a provider; 409 {@code PROVIDER_IN_USE} while agents name it. */
  public void delete(String name) {
    http.delete(http.path("providers", name));
  }
}
