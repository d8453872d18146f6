package org.agentry.organism.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The server's settings (README, "Configuration") as this node sees them: every {@code agentry.*}
 * key the server reads, with its default, plus any other {@code agentry.*} key a config source
 * names. A key whose name suggests a secret (it holds {@code token}, {@code secret}, {@code
 * password}, {@code key} or {@code credential}) is shown as present or absent only; a URL's user
 * information and secret-looking parameters are masked.
 */
public final class Settings {

  /**
   * One setting.
   *
   * @param key the MicroProfile Config key
   * @param value the effective value (null when a secret, or when unset without a default)
   * @param secret whether the value is withheld
   * @param present whether a config source sets the key (false: the default applies)
   * @param source the config source that set it (e.g. {@code EnvironmentVariablesConfigSource}),
   *     {@code default} when none did
   */
  public record Setting(String key, String value, boolean secret, boolean present, String source) {}

  /** Keys the server reads → their defaults (null: none, or one the launcher computes). */
  static final Map<String, String> KNOWN = known();

  private static final Pattern SECRET_NAME =
      Pattern.compile("token|secret|password|passwd|key|credential");
  private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@?;]*@");
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile(
          "(?i)([a-z0-9_.-]*(?:password|passwd|pwd|secret|token|key|credential)=)[^&;,)\\s]*");

  private Settings() {}

  /** The settings, sorted by key. */
  public static List<Setting> of(Config config) {
    var keys = new TreeMap<String, String>(KNOWN);
    for (var name : config.getPropertyNames()) {
      if (name.startsWith("agentry.")) {
        keys.putIfAbsent(name, null);
      }
    }
    var settings = new ArrayList<Setting>();
    keys.forEach((key, fallback) -> settings.add(setting(config, key, fallback)));
    return settings;
  }

  private static Setting setting(Config config, String key, String fallback) {
    var found = config.getConfigValue(key);
    boolean present = found != null && found.getValue() != null;
    boolean secret = isSecret(key);
    var value = present ? found.getValue() : fallback;
    var source = present ? String.valueOf(found.getSourceName()) : "default";
    return new Setting(key, secret ? null : mask(value), secret, present, source);
  }

  /** Whether the key's name suggests it holds a secret. */
  public static boolean isSecret(String key) {
    return SECRET_NAME.matcher(key.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * The value with a URL's user information ({@code tcp://user:pass@host} → {@code tcp://***@host})
   * and secret-looking parameters ({@code password=x} → {@code password=***}) masked.
   */
  public static String mask(String value) {
    if (value == null) {
      return null;
    }
    var masked = USER_INFO.matcher(value).replaceAll("***@");
    return SECRET_PARAMETER.matcher(masked).replaceAll("$1***");
  }

  private static Map<String, String> known() {
    var map = new TreeMap<String, String>();
    map.put("agentry.approvals.expiry", "PT24H");
    map.put("agentry.delegation.max-depth", "3");
    map.put("agentry.delegation.max-fan-out", "8");
    map.put("agentry.goals.max-steps", "20");
    map.put("agentry.goals.plan-repairs", "2");
    map.put("agentry.goals.replans", "1");
    map.put("agentry.mcp.connect-timeout-seconds", "20");
    map.put("agentry.mcp.server.wait-seconds", "60");
    map.put("agentry.audit.retention", "P400D");
    map.put("agentry.audit.signin-failures-per-minute", "120");
    map.put("agentry.admin.token", null);
    map.put("agentry.agents.dir", "agents");
    map.put("agentry.skills.dir", "skills");
    map.put("agentry.broker.password", null);
    map.put("agentry.broker.url", null);
    map.put("agentry.broker.user", null);
    map.put("agentry.budget.reservation-seconds", "900");
    map.put("agentry.budget.session-max-tokens", null);
    map.put("agentry.cluster.mode", null);
    map.put("agentry.cluster.name", null);
    map.put("agentry.data.dir", "data");
    map.put("agentry.db.password", "agentry");
    map.put("agentry.db.url", null);
    map.put("agentry.db.user", "agentry");
    map.put("agentry.dispatch.concurrency", "8");
    map.put("agentry.dispatch.drain-seconds", "30");
    map.put("agentry.dispatch.lease-seconds", "30");
    map.put("agentry.dispatch.max-attempts", "3");
    map.put("agentry.dispatch.prefetch", null);
    map.put("agentry.dispatch.requeue-after-seconds", "120");
    map.put("agentry.dispatch.retry-backoff-seconds", "2");
    map.put("agentry.dispatch.stall-seconds", "20");
    map.put("agentry.http.max-body-bytes", "1048576");
    map.put("agentry.http.port", "8080");
    map.put("agentry.oidc.audience", null);
    map.put("agentry.oidc.client-id", null);
    map.put("agentry.oidc.client-secret", null);
    map.put("agentry.oidc.clock-skew-seconds", "60");
    map.put("agentry.oidc.issuer", null);
    map.put("agentry.oidc.jwks-min-refresh-seconds", "30");
    map.put("agentry.oidc.redirect-uri", null);
    map.put("agentry.oidc.role-mapping", null);
    map.put("agentry.oidc.roles-claim", "groups");
    map.put("agentry.oidc.session-idle-seconds", "1800");
    map.put("agentry.oidc.session-lifetime-seconds", "28800");
    map.put("agentry.payload.output-repairs", "2");
    map.put("agentry.run.history-max-messages", "100");
    map.put("agentry.run.model-call-timeout-seconds", "300");
    map.put("agentry.secret.key", null);
    map.put("agentry.secret.key.previous", null);
    map.put("agentry.streams.gap-wait-ms", "10000");
    map.put("agentry.streams.max", "1000");
    map.put("agentry.streams.per-caller", "20");
    map.put("agentry.streams.sender-threads", "8");
    map.put("agentry.tasks.idempotency-key-hours", "24");
    map.put("agentry.tenant.claim", "tenant");
    map.put("agentry.tenant.platform-admin-group", "platform-admin");
    map.put("agentry.tools.call-timeout-seconds", "60");
    map.put("agentry.tools.http-fetch.allow", null);
    map.put("agentry.tools.http-fetch.deny", null);
    map.put("agentry.tools.http-fetch.max-bytes", "1048576");
    map.put("agentry.tools.http-fetch.timeout-seconds", "20");
    map.put("agentry.tools.list-dir-max-entries", "200");
    map.put("agentry.tools.max-calls-per-response", "16");
    map.put("agentry.tools.max-output-bytes", "32768");
    map.put("agentry.tools.shell.allow", null);
    map.put("agentry.tools.shell.timeout-seconds", "30");
    map.put("agentry.tools.workspace-max-bytes", "104857600");
    map.put("agentry.tools.write-file-max-bytes", "1048576");
    return map;
  }
}
