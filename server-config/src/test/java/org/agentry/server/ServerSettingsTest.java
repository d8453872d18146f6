package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

  @Test
  void defaultsToTheEmbeddedSetupOnPort8080() {
    var settings = ServerSettings.read(new Properties(), Map.of());
    assertEquals(Path.of("data").toAbsolutePath(), settings.dataDir());
    assertEquals(8080, settings.port());
    assertTrue(settings.embeddedBroker());
    assertTrue(settings.effectiveDbUrl().startsWith("jdbc:h2:file:" + settings.dataDir()));
    assertEquals(
        "vm://localhost?create=false&jms.prefetchPolicy.queuePrefetch=8",
        settings.effectiveBrokerUrl());
    assertEquals(8, settings.dispatchConcurrency());
  }

  @Test
  void readsEnvironmentVariablesAndLetsSystemPropertiesWin() {
    var system = new Properties();
    system.setProperty("agentry.http.port", "9191");
    var env =
        Map.of(
            "AGENTRY_HTTP_PORT", "9090",
            "AGENTRY_DB_URL", "jdbc:postgresql://db/agentry",
            "AGENTRY_BROKER_URL", "tcp://mq:61616",
            "AGENTRY_DISPATCH_CONCURRENCY", "3");
    var settings = ServerSettings.read(system, env);
    assertEquals(9191, settings.port());
    assertEquals("jdbc:postgresql://db/agentry", settings.effectiveDbUrl());
    assertEquals(Optional.of("tcp://mq:61616"), settings.brokerUrl());
    assertEquals(3, settings.dispatchConcurrency());
  }

  @Test
  void refusesPortsThatAreNotPorts() {
    var env = Map.of("AGENTRY_HTTP_PORT", "80000");
    var error =
        assertThrows(
            IllegalArgumentException.class, () -> ServerSettings.read(new Properties(), env));
    assertTrue(error.getMessage().contains("agentry.http.port"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerSettings.read(new Properties(), Map.of("AGENTRY_HTTP_PORT", "http")));
  }

  @Test
  void prefetchFollowsTheConcurrencyUnlessTheUrlOrSettingSaysOtherwise() {
    var external =
        ServerSettings.read(
            new Properties(),
            Map.of(
                "AGENTRY_BROKER_URL", "failover:(tcp://a:61616,tcp://b:61616)?randomize=false",
                "AGENTRY_DISPATCH_CONCURRENCY", "4"));
    assertEquals(
        "failover:(tcp://a:61616,tcp://b:61616)?randomize=false"
            + "&jms.prefetchPolicy.queuePrefetch=4",
        external.effectiveBrokerUrl());

    var explicit =
        ServerSettings.read(
            new Properties(),
            Map.of("AGENTRY_BROKER_URL", "tcp://mq:61616?jms.prefetchPolicy.all=2"));
    assertEquals("tcp://mq:61616?jms.prefetchPolicy.all=2", explicit.effectiveBrokerUrl());

    var set = ServerSettings.read(new Properties(), Map.of("AGENTRY_DISPATCH_PREFETCH", "16"));
    assertTrue(set.effectiveBrokerUrl().endsWith("queuePrefetch=16"));
  }

  @Test
  void refusesSecretKeysThatAreNotBase64Of32BytesWithoutShowingThem() {
    var good = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    var shortKey = java.util.Base64.getEncoder().encodeToString(new byte[16]);
    ServerSettings.read(new Properties(), Map.of("AGENTRY_SECRET_KEY", good));

    for (var bad : new String[] {"not-base64-$ecret!", shortKey}) {
      var error =
          assertThrows(
              IllegalArgumentException.class,
              () -> ServerSettings.read(new Properties(), Map.of("AGENTRY_SECRET_KEY", bad)));
      assertTrue(error.getMessage().contains("agentry.secret.key"), error.getMessage());
      assertFalse(error.getMessage().contains(bad), error.getMessage());
    }
    var previous = Map.of("AGENTRY_SECRET_KEY_PREVIOUS", good + ",oops");
    var error =
        assertThrows(
            IllegalArgumentException.class, () -> ServerSettings.read(new Properties(), previous));
    assertTrue(error.getMessage().contains("agentry.secret.key.previous"), error.getMessage());
  }
}
