package org.agentry.capability.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.agentry.capability.control.Capability;
import org.agentry.capability.control.CapabilitySource;
import org.agentry.platform.boundary.UnknownResourceException;

/**
 * Every capability of every {@link CapabilitySource}: tools first, then agents, each sorted by
 * name.
 */
@Stateless
public class Capabilities {

  @Inject Instance<CapabilitySource> sources;

  /** All capabilities. */
  public List<Capability> list() {
    var all = new ArrayList<Capability>();
    sources.stream()
        .sorted(Comparator.comparingInt(CapabilitySource::order))
        .forEach(source -> all.addAll(source.capabilities()));
    return all;
  }

  /**
   * One capability: {@code <name>}, the first of that name in the list's order, or {@code
   * <kind>:<name>} (e.g. {@code agent:notes}) when a tool and an agent share a name.
   *
   * @throws UnknownResourceException ({@code CAPABILITY_NOT_FOUND}) if there is none
   */
  public Capability get(String name) {
    return list().stream()
        .filter(c -> c.name().equals(name) || (c.kind() + ":" + c.name()).equals(name))
        .findFirst()
        .orElseThrow(() -> new UnknownResourceException("capability", name));
  }
}
