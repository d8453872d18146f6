package org.agentry.tenant.entity;

import java.util.regex.Pattern;
import org.agentry.platform.entity.InvalidInputException;

/** Tenant names: the default tenant and what a name may look like. */
public final class Tenants {

  /** The tenant of the admin token, of rows from before tenants, and of callers without one. */
  public static final String DEFAULT = "default";

  /** What a tenant name may look like (a token claim or {@code ?tenant=} value). */
  public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";

  private static final Pattern VALID = Pattern.compile(PATTERN);

  private Tenants() {}

  /** Whether {@code name} is a valid tenant name. */
  public static boolean valid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /**
   * The tenant name, checked.
   *
   * @throws InvalidInputException if it does not match {@value #PATTERN}
   */
  public static String require(String name) {
    InvalidInputException.check(valid(name), "'tenant' must match " + PATTERN);
    return name;
  }
}
