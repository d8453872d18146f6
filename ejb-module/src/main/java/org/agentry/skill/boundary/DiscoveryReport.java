package org.agentry.skill.boundary;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scan of the skills directory did.
 *
 * @param added names of skills stored for the first time
 * @param changed names of directory skills whose content (digest) changed
 * @param removed names of directory skills whose folder is gone
 * @param errors folders that were not loaded, and why
 */
public record DiscoveryReport(
    List<String> added, List<String> changed, List<String> removed, List<Error> errors) {

  /**
   * A folder that was not loaded.
   *
   * @param name the folder's name
   * @param message why
   */
  public record Error(String name, String message) {}

  DiscoveryReport() {
    this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  }
}
