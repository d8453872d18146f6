package org.agentry.capability.control;

import java.util.List;

/**
 * One kind of capability. Implementations are CDI beans ({@code @ApplicationScoped}); the list
 * shows them in the order of {@link #order()}. The extension point for skills and MCP tools.
 */
public interface CapabilitySource {

  /** The kind this source gives, e.g. {@code tool}. */
  String kind();

  /** Where this kind comes in the list: lower first. */
  int order();

  /** The capabilities of this kind now, sorted by name; may read the database. */
  List<Capability> capabilities();
}
