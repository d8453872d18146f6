package org.agentry.tool.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.platform.entity.InvalidInputException;

/**
 * The per-agent settings of {@code shell} and {@code http_fetch} in an agent's {@code
 * toolSettings}, checked when the agent is saved, and the effective lists they give with the
 * server's settings.
 *
 * <ul>
 *   <li>{@code "shell": {"allow": ["ls", "git"]}} — program names ({@value #PROGRAM}) or {@code
 *       ["*"]} for whatever the server allows.
 *   <li>{@code "http_fetch": {"allow": [...], "deny": [...]}} — host entries as in {@link
 *       HttpFetchGuard} ({@code example.com}, {@code *.example.com}, {@code host:port}).
 * </ul>
 *
 * Other keys of these objects are left to other features (approval policies, say).
 */
public final class AgentToolSettings {

  /** What a program name in {@code shell.allow} may look like. */
  public static final String PROGRAM = "[A-Za-z0-9_][A-Za-z0-9._+-]{0,63}";

  /** What a host entry in {@code http_fetch.allow}/{@code deny} may look like. */
  public static final String HOST_ENTRY =
      "(\\*\\.)?[A-Za-z0-9._-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?";

  private static final int MAX_ENTRIES = 100;

  private AgentToolSettings() {}

  /**
   * Checks the agent's {@code shell} and {@code http_fetch} settings.
   *
   * @throws InvalidInputException naming the setting that breaks its rule
   */
  public static void check(AgentSpec spec) {
    list(spec.settingsOf("shell"), "allow", PROGRAM + "|\\*", "toolSettings.shell.allow");
    var fetch = spec.settingsOf("http_fetch");
    list(fetch, "allow", HOST_ENTRY, "toolSettings.http_fetch.allow");
    list(fetch, "deny", HOST_ENTRY, "toolSettings.http_fetch.deny");
  }

  /** The programs the agent's {@code shell.allow} names; empty when it names none. */
  public static List<String> shellAllow(JsonObject shell) {
    return list(shell, "allow", PROGRAM + "|\\*", "toolSettings.shell.allow").orElse(List.of());
  }

  /** The agent's {@code http_fetch.allow} entries, or empty. */
  public static List<String> fetchAllow(JsonObject fetch) {
    return list(fetch, "allow", HOST_ENTRY, "toolSettings.http_fetch.allow").orElse(List.of());
  }

  /** The agent's {@code http_fetch.deny} entries, or empty. */
  public static List<String> fetchDeny(JsonObject fetch) {
    return list(fetch, "deny", HOST_ENTRY, "toolSettings.http_fetch.deny").orElse(List.of());
  }

  /**
   * The programs both lists allow: {@code *} in one list stands for the other list; {@code *} in
   * both for any program. The agent's order is kept.
   *
   * @param agent the agent's {@code shell.allow}
   * @param server the server's {@code agentry.tools.shell.allow}
   */
  public static List<String> intersect(List<String> agent, List<String> server) {
    if (agent.contains("*")) {
      return server;
    }
    if (server.contains("*")) {
      return agent;
    }
    return agent.stream().filter(server::contains).toList();
  }

  private static Optional<List<String>> list(
      JsonObject settings, String key, String pattern, String field) {
    var value = settings.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    var message =
        "'"
            + field
            + "' must be an array of at most "
            + MAX_ENTRIES
            + " strings matching "
            + pattern;
    InvalidInputException.check(value.getValueType() == JsonValue.ValueType.ARRAY, message);
    var entries = new LinkedHashSet<String>();
    for (var item : value.asJsonArray()) {
      InvalidInputException.check(
          item instanceof JsonString text && text.getString().matches(pattern), message);
      entries.add(((JsonString) item).getString());
    }
    InvalidInputException.check(entries.size() <= MAX_ENTRIES, message);
    return Optional.of(new ArrayList<>(entries));
  }
}
