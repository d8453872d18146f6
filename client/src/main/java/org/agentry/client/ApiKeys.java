package org.agentry.client;

import java.util.List;
import java.util.Map;
import org.agentry.client.api.ApiKeysApi;
import org.agentry.client.model.ApiKey;

/** {@code /api/v1/api-keys} (admin): service-account tokens, shown once, stored hashed. */
public final class ApiKeys {

  private final ApiKeysApi api;

  ApiKeys(Http http) {
    this.api = http.proxies.of(ApiKeysApi.class);
  }

  /**
   * Creates a key; the answer's {@link ApiKey#token()} is the only time the token is shown.
   *
   * @param role {@code admin}, {@code operator} or {@code viewer}
   */
  public ApiKey create(String name, String role) {
    return api.create(Map.of("name", name, "role", role));
  }

  /** Every key, without tokens. */
  public List<ApiKey> list() {
    return api.list();
  }

  /** One key, without its token; {@code API_KEY_NOT_FOUND}. */
  public ApiKey get(String id) {
    return api.get(id);
  }

  /** Revokes the key, effective on the next request. */
  public void revoke(String id) {
    api.revoke(id).close();
  }
}
