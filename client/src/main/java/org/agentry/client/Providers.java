package org.agentry.client;

import java.util.List;
import org.agentry.client.api.ProvidersApi;
import org.agentry.client.model.Provider;
import org.agentry.client.model.ProviderRequest;

/**
 * {@code /api/v1/providers}: reading needs the viewer role, changing the admin role. API keys are
 * write-only: sent in a {@link ProviderRequest}, never returned.
 */
public final class Providers {

  private final ProvidersApi api;

  Providers(Http http) {
    this.api = http.proxies.of(ProvidersApi.class);
  }

  /** Every provider. */
  public List<Provider> list() {
    return api.list();
  }

  /** One provider; {@code PROVIDER_NOT_FOUND}. */
  public Provider get(String name) {
    return api.get(name);
  }

  /** Creates a provider; 409 {@code PROVIDER_EXISTS}. */
  public Provider create(ProviderRequest provider) {
    return api.create(provider);
  }

  /**
   * Replaces a provider if it is still at {@code version} ({@link Provider#version()}, its ETag);
   * 412 {@code PRECONDITION_FAILED} when it changed since. A null API key keeps the stored one.
   */
  public Provider replace(String name, ProviderRequest provider, long version) {
    return api.replace(name, "\"" + version + "\"", provider);
  }

  /** Deletes a provider; 409 {@code PROVIDER_IN_USE} while agents name it. */
  public void delete(String name) {
    api.delete(name).close();
  }
}
