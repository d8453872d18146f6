package org.agentry.client;

import jakarta.ws.rs.core.GenericType;
import java.util.List;
import java.util.Map;
import org.agentry.client.model.ApiKey;

/** {@code /api/v1/api-keys} (admin): service-account tokens, shown once, stored hashed. */
public final class ApiKeys {

  private static final GenericType<List<ApiKey>> LIST = new GenericType<>() {};

  private final Http http;

  ApiKeys(Http http) {
    this.http = http;
  }

  /**
   * Creates a key; the answer's {@link ApiKey#token()} is the only time the token is shown.
   *
   * @param role {@code admin}, {@code operator} or {@code viewer}
   */
  public ApiKey create(String name, String role) {
    return http.post(http.path("api-keys"), Map.of("name", name, "role", role), ApiKey.class);
  }

  /** Every key, without tokens. */
  public List<ApiKey> list() {
    return http.get(http.path("api-keys"), LIST);
  }

  /** One key, without its token; {@code API_KEY_NOT_FOUND}. */
  public ApiKey get(String id) {
    return http.get(http.path("api-keys", id), ApiKey.class);
  }

  /** Revokes the key, effective on the next request. */
  public void revoke(String id) {
    http.delete(http.path("api-keys", id));
  }
}
