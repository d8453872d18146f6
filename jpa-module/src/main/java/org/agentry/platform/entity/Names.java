package org.agentry.platform.entity;

import java.util.regex.Pattern;

/** The naming rule of agents and providers: lower-case letters, digits and dashes, 1–63 long. */
public final class Names {

  /** The rule as a regular expression. */
  public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

  /** The compiled rule. */
  public static final Pattern VALID = Pattern.compile(PATTERN);

  private Names() {}
}
