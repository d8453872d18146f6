package org.agentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentryDataSourceTest {

  @Test
  void placeholdersWildFlyPassesThroughAreUnresolved() {
    assertTrue(AgentryDataSource.unresolved("${MPCONFIG=agentry.db.user}"));
    assertTrue(AgentryDataSource.unresolved("${MPCONFIG=agentry.db.password}"));
  }

  @Test
  void resolvedAndBlankValuesAreUsedAsGiven() {
    assertFalse(AgentryDataSource.unresolved("jdbc:postgresql://db:5432/agentry"));
    assertFalse(AgentryDataSource.unresolved("agentry"));
    // a blank password means none, as before
    assertFalse(AgentryDataSource.unresolved(""));
    assertFalse(AgentryDataSource.unresolved(null));
  }

  @Test
  void aResolvedUrlConnectsWithoutConsultingConfiguration() throws Exception {
    var dataSource = new AgentryDataSource();
    dataSource.setUrl("jdbc:h2:mem:agentry-data-source-test");
    dataSource.setUser("sa");
    dataSource.setPassword("sa");

    try (var connection = dataSource.getConnection()) {
      assertTrue(connection.isValid(5));
    }
  }
}
