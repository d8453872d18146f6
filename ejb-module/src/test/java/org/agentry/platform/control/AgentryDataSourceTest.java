package org.agentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentryDataSourceTest {

  @Test
  void valuesWildFlyLeavesEmptyOrUnresolvedAreReadFromConfiguration() {
    assertTrue(AgentryDataSource.unresolved(null));
    assertTrue(AgentryDataSource.unresolved(""));
    assertTrue(AgentryDataSource.unresolved("  "));
    assertTrue(AgentryDataSource.unresolved("${MPCONFIG=agentry.db.url}"));
  }

  @Test
  void resolvedValuesAreUsedAsGiven() {
    assertFalse(AgentryDataSource.unresolved("jdbc:postgresql://db:5432/agentry"));
    assertFalse(AgentryDataSource.unresolved("agentry"));
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
