package org.agentry.organism.boundary;

import java.util.List;

/**
 * What {@code POST /api/v1/organism/reload} did.
 *
 * @param added agents created from new packages
 * @param changed agents redefined from changed packages
 * @param removed package-defined agents deleted because their folder is gone
 * @param errors packages not loaded, each with why
 * @param reloaded what was read again: {@code agentPackages}, {@code dispatchSwitch}
 */
public record Reload(
    List<String> added,
    List<String> changed,
    List<String> removed,
    List<Error> errors,
    List<String> reloaded) {

  /** A package that was not loaded: its folder name and why. */
  public record Error(String name, String message) {}
}
