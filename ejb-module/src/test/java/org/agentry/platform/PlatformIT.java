package org.agentry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.agentry.platform.boundary.SystemInfo;
import org.agentry.security.boundary.ApiKeys;
import org.agentry.security.entity.Role;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests on Payara Micro against PostgreSQL and the embedded ActiveMQ broker: the
 * platform's datasource, Flyway migrations, JMS priority order and the API key store. The archive
 * is the real ejb-module jar with its runtime libraries, deployed once for the class.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  @Deployment
  static WebArchive deployment() {
    var it = new File(System.getProperty("agentry.it.dir"));
    var libraries = new File(it, "lib").listFiles((dir, name) -> name.endsWith(".jar"));
    return ShrinkWrap.create(WebArchive.class, "agentry-it.war")
        .addAsLibrary(new File(System.getProperty("agentry.it.ejbJar")))
        .addAsLibraries(libraries)
        .addClasses(PriorityProbe.class)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject PriorityProbe probe;
  @Inject ApiKeys apiKeys;
  @Inject SystemInfo systemInfo;

  @Test
  void messagesSentInOneTransactionAreConsumedHighestPriorityFirst() throws Exception {
    var queue = "agentry.it.priority." + UUID.randomUUID();
    var priorities = new ArrayList<>(IntStream.rangeClosed(0, 9).boxed().toList());
    Collections.shuffle(priorities, new Random(42));

    probe.sendInOneTransaction(queue, priorities);

    assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), probe.receivePriorities(queue, 10));
  }

  @Test
  void runsOnPostgresqlWithTheMigratedSchema() {
    var info = systemInfo.describe();
    assertEquals("postgresql", info.databaseKind());
    assertEquals("embedded", info.brokerKind());
  }

  @Test
  void apiKeyAuthenticatesUntilRevokedAndKeepsItsTimestamps() {
    var created = apiKeys.create("it-" + UUID.randomUUID(), Role.OPERATOR);

    var caller = apiKeys.authenticate(created.token()).orElseThrow();
    assertEquals(Role.OPERATOR, caller.role());
    var stored = apiKeys.find(created.key().getId()).orElseThrow();
    assertEquals(created.key().getCreatedAt(), stored.getCreatedAt());

    apiKeys.revoke(created.key().getId());
    assertTrue(apiKeys.authenticate(created.token()).isEmpty());
    assertTrue(apiKeys.find(created.key().getId()).orElseThrow().isRevoked());
  }
}
