package org.agentry.organism.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void secretNamesAreRecognised() {
    for (var key :
        new String[] {
          "agentry.admin.token",
          "agentry.secret.key",
          "agentry.secret.key.previous",
          "agentry.db.password",
          "agentry.broker.password",
          "agentry.x.credentials",
          "agentry.tasks.idempotency-key-hours"
        }) {
      assertTrue(Settings.isSecret(key), key);
    }
    for (var key : new String[] {"agentry.db.url", "agentry.http.port", "agentry.broker.user"}) {
      assertFalse(Settings.isSecret(key), key);
    }
  }

  @Test
  void urlsLoseTheirCredentials() {
    assertEquals("tcp://***@mq:61616", Settings.mask("tcp://bob:hunter2@mq:61616"));
    assertEquals(
        "jdbc:postgresql://db:5432/a?user=x&password=***&ssl=true",
        Settings.mask("jdbc:postgresql://db:5432/a?user=x&password=s3cr3t&ssl=true"));
    assertEquals(
        "failover:(tcp://a:1?jms.password=***,tcp://b:2)",
        Settings.mask("failover:(tcp://a:1?jms.password=p,tcp://b:2)"));
    assertEquals("jdbc:h2:file:/d;PASSWORD=***", Settings.mask("jdbc:h2:file:/d;PASSWORD=x"));
    assertEquals("8080", Settings.mask("8080"));
  }

  /** The catalogue names every key the code reads, with the code's default. */
  @Test
  void catalogueHasEveryConfigPropertyWithItsDefault() throws IOException {
    var property =
        Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"(agentry\\.[^\"]+)\"(?:,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?");
    var found = new TreeMap<String, String>();
    for (var root : new String[] {"src/main/java", "../web-module/src/main/java"}) {
      try (var files = Files.walk(Path.of(root))) {
        for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          var matcher = property.matcher(Files.readString(file));
          while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2));
          }
        }
      }
    }
    assertTrue(found.size() > 20, "found " + found);
    found.forEach(
        (key, fallback) -> {
          assertTrue(Settings.KNOWN.containsKey(key), "not in the catalogue: " + key);
          if (fallback != null
              && !fallback.isBlank()) { // " " is MicroProfile Config's empty default
            assertEquals(fallback, Settings.KNOWN.get(key), key);
          }
        });
  }
}
