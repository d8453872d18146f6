package org.agentry.agent.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What reloading agent packages did.
 *
 * @param errors per package folder, why it was not loaded
 */
public record ReloadReport(
    List<String> added, List<String> changed, List<String> removed, Map<String, String> errors) {

  ReloadReport(Map<String, String> errors) {
    this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), errors);
  }
}
