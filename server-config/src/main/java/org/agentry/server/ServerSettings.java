package org.agentry.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The launcher's settings. Each is read from a system property ({@code -Dagentry.http.port=9090})
 * or else from the environment variable MicroProfile Config would use ({@code AGENTRY_HTTP_PORT}),
 * else its default. Every key is documented in the README. The secret keys ({@code
 * agentry.secret.key}, {@code agentry.secret.key.previous}) are only checked here: the application
 * reads them itself.
 *
 * @param dataDir absolute data directory ({@code agentry.data.dir}, default {@code ./data})
 * @param port HTTP port ({@code agentry.http.port}, default 8080)
 * @param dbUrl JDBC URL ({@code agentry.db.url}); empty means the embedded H2 database
 * @param brokerUrl broker URL ({@code agentry.broker.url}, e.g. {@code tcp://mq:61616}); empty
 *     means the embedded broker
 * @param dispatchConcurrency task consumers per node ({@code agentry.dispatch.concurrency}, 8)
 * @param dispatchPrefetch task messages the broker hands this node ahead of their consumers ({@code
 *     agentry.dispatch.prefetch}, default the concurrency)
 * @param clusterName Hazelcast cluster to join ({@code agentry.cluster.name}); empty runs alone
 */
public record ServerSettings(
    Path dataDir,
    int port,
    Optional<String> dbUrl,
    String dbUser,
    String dbPassword,
    Optional<String> brokerUrl,
    Optional<String> brokerUser,
    Optional<String> brokerPassword,
    int dispatchConcurrency,
    int dispatchPrefetch,
    Optional<String> clusterName,
    Optional<String> clusterMode) {

  /**
   * Reads the settings.
   *
   * @throws IllegalArgumentException naming the setting whose value is not valid
   */
  public static ServerSettings read(Properties system, Map<String, String> env) {
    var source = new Source(system, env);
    source.get("agentry.secret.key").ifPresent(k -> checkKey(k, "agentry.secret.key"));
    for (var key : source.get("agentry.secret.key.previous").orElse("").split(",")) {
      if (!key.isBlank()) {
        checkKey(key, "a key of agentry.secret.key.previous");
      }
    }
    int concurrency = source.integer("agentry.dispatch.concurrency", 8, 1, 1000);
    return new ServerSettings(
        Path.of(source.get("agentry.data.dir").orElse("data")).toAbsolutePath().normalize(),
        source.integer("agentry.http.port", 8080, 1, 65535),
        source.get("agentry.db.url"),
        source.get("agentry.db.user").orElse("agentry"),
        source.get("agentry.db.password").orElse("agentry"),
        source.get("agentry.broker.url"),
        source.get("agentry.broker.user"),
        source.get("agentry.broker.password"),
        concurrency,
        source.integer("agentry.dispatch.prefetch", concurrency, 1, 10_000),
        source.get("agentry.cluster.name"),
        source.get("agentry.cluster.mode"));
  }

  /**
   * Checks a secret key: standard Base64 of 32 bytes (an AES-256 key). The message names the
   * setting and never shows the value.
   *
   * @throws IllegalArgumentException if it is not
   */
  static void checkKey(String base64, String name) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not valid Base64 (its value is not shown)");
    }
    if (key.length != 32) {
      throw new IllegalArgumentException(
          name + " must be the Base64 of 32 bytes, was " + key.length + " bytes");
    }
  }

  /**
   * Checks the generated key file ({@code <data dir>/secret-key}) if it exists and no key is
   * configured, so that a damaged file stops the launch rather than the application.
   *
   * @throws IllegalArgumentException if its content is not a key
   * @throws IOException if it cannot be read
   */
  public void checkSecretKeyFile(Properties system, Map<String, String> env) throws IOException {
    var file = dataDir.resolve("secret-key");
    if (new Source(system, env).get("agentry.secret.key").isEmpty() && Files.exists(file)) {
      checkKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }
  }

  /** Whether the broker runs inside this process. */
  public boolean embeddedBroker() {
    return brokerUrl.isEmpty();
  }

  /**
   * The JDBC URL in force: the configured one, or the H2 file database in the data directory. H2
   * writes each commit at once ({@code WRITE_DELAY=0}): its default delay would lose the last half
   * second of commits to a {@code kill -9}. Each connection keeps its 64 latest statements parsed
   * ({@code QUERY_CACHE_SIZE}, H2's default 8): a task runs about 20 different ones, and parsing
   * them again at each prepare took 4 % of the server's CPU in the task benchmark.
   */
  public String effectiveDbUrl() {
    return dbUrl.orElse(
        "jdbc:h2:file:"
            + dataDir.resolve("db").resolve("agentry")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
  }

  /**
   * The broker URL in force: the configured one, or the in-VM connection to the embedded one, with
   * the queue prefetch ({@code jms.prefetchPolicy.queuePrefetch}) set to {@link #dispatchPrefetch}
   * unless the URL sets it. The resource adapter's inbound consumer hands messages to its sessions
   * only as far as its prefetch allows: at ActiveMQ's prefetch of 1, one task ran at a time however
   * many consumers there were.
   */
  public String effectiveBrokerUrl() {
    var url = brokerUrl.orElse("vm://localhost?create=false");
    if (url.contains("jms.prefetchPolicy.")) {
      return url;
    }
    var option = "jms.prefetchPolicy.queuePrefetch=" + dispatchPrefetch;
    return url + (url.contains("?") ? "&" : "?") + option;
  }

  private record Source(Properties system, Map<String, String> env) {

    Optional<String> get(String key) {
      var value = system.getProperty(key);
      if (value == null) {
        value = env.get(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
      }
      return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    int integer(String key, int fallback, int min, int max) {
      var text = get(key);
      if (text.isEmpty()) {
        return fallback;
      }
      try {
        int value = Integer.parseInt(text.get());
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          key + " must be a whole number from " + min + " to " + max + ", was " + text.get());
    }
  }
}
