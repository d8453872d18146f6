package org.agentry.client.model;

import java.util.List;

/** What a reload of skill folders ({@code POST /api/v1/skills/discover}) changed, by name. */
public record DiscoveryReport(
    List<String> added, List<String> changed, List<String> removed, List<Error> errors) {

  /** A folder that was not loaded and why. */
  public record Error(String name, String message) {}
}
