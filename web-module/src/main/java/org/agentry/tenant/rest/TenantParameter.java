package org.agentry.tenant.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code tenant} from a query string. The query string is read rather than the servlet's
 * parameters so that a form body is never consumed by the filter.
 */
public final class TenantParameter {

  private TenantParameter() {}

  /**
   * The first {@code tenant} parameter's decoded value.
   *
   * @param query the raw query string, or null
   * @return null when there is none
   */
  public static String of(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      var name = eq < 0 ? pair : pair.substring(0, eq);
      if (name.equals("tenant")) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
