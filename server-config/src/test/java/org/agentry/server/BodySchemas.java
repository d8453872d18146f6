package org.agentry.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The JSON bodies of the API as the fuzz test needs them: per endpoint its fields, each with values
 * that are valid and values that break a documented rule (README, request records' Javadoc) or the
 * field's JSON type. A body with at least one broken field must be refused whatever the others
 * hold.
 */
final class BodySchemas {

  /**
   * A field: JSON texts that are valid (null: leave it out) and ones that are not (null when every
   * value is valid).
   */
  record Field(String name, Gen<String> valid, Gen<String> invalid) {}

  private BodySchemas() {}

  /** The fields of each body, by {@code "<method> <route>"}. */
  static Map<String, List<Field>> of(Fixtures fixtures) {
    var agent = fixtures.ids().get("agent");
    var provider = fixtures.ids().get("provider");
    var session = fixtures.ids().get("session");
    var taskFields = taskFields(session);
    return Map.ofEntries(
        Map.entry(
            "POST v1/api-keys",
            List.of(
                field("name", quoted("ci", "fz key"), stored(101)),
                field("role", quoted("viewer", "operator"), badString("root", "", "ADMIN!")))),
        Map.entry("POST v1/agents", agentFields(true, provider)),
        Map.entry("PUT v1/agents/{name}", agentFields(false, provider)),
        Map.entry(
            "POST v1/agents/{name}/chat",
            List.of(
                field("message", quoted("hi"), storedOrBlank(100_001)),
                field("sessionId", optional(quoted(session)), badString("fz-no-such-session")))),
        Map.entry(
            "PUT v1/agents/{name}/budget",
            List.of(
                field("dailyTokens", optional(ints(0, 1_000_000)), badLong(false)),
                field("dailyUsd", optional(decimals()), badUsd()),
                field("monthlyTokens", optional(ints(0, 1_000_000)), badLong(false)),
                field("monthlyUsd", optional(decimals()), badUsd()))),
        Map.entry("POST v1/agents/{name}/tasks", taskFields),
        Map.entry("POST v1/goals", goalFields(agent)),
        Map.entry(
            "POST v1/inject",
            List.of(
                field(
                    "to",
                    quoted(agent),
                    Gen.oneOf(
                        badString("fz-no-such-agent", ""), Values.wrongType(Values.Type.STRING))),
                // the fixture agent has no peers, so it may address no one
                field(
                    "from",
                    Gen.just(null),
                    Gen.oneOf(
                        badString(agent, "fz-no-such-agent"),
                        Values.wrongType(Values.Type.STRING))),
                field(
                    "threadId",
                    optional(quoted(session)),
                    Gen.oneOf(
                        badString("fz-no-such-thread"), Values.wrongType(Values.Type.STRING))),
                field(
                    "payload",
                    Gen.oneOf(quoted("hi"), Gen.of("{\"k\":\"v\"}")),
                    Gen.oneOf(
                        Gen.of("5", "true", "[]", "[\"x\"]", "null"),
                        badString("", "   ", "\n\t"),
                        Values.text(100_001, 100_010))))),
        Map.entry("POST v1/providers", providerFields(true)),
        Map.entry("PUT v1/providers/{name}", providerFields(false)),
        Map.entry("POST v1/mcp-servers", mcpServerFields(true, fixtures.ids().get("mcp-url"))),
        Map.entry(
            "PUT v1/mcp-servers/{name}", mcpServerFields(false, fixtures.ids().get("mcp-url"))),
        Map.entry("POST v1/skills", skillFields(true)),
        Map.entry("PUT v1/skills/{name}", skillFields(false)),
        Map.entry("POST v1/schedules", scheduleFields(agent)),
        Map.entry("PUT v1/schedules/{id}", scheduleFields(agent)),
        Map.entry(
            "POST v1/sensors/events",
            List.of(
                field("sensorId", quoted("fz-sensor-2"), stored(129)),
                field("eventId", optional(quoted("e-2")), stored(256)),
                field("dedupeKey", quoted("k-2"), stored(256)),
                // any JSON is a payload: it has no invalid value
                field("payload", optional(Values.anyJson()), null),
                field(
                    "task",
                    optional(Gen.just("{\"agent\":\"" + agent + "\",\"input\":\"x\"}")),
                    Gen.oneOf(
                        Gen.of(
                            "{\"agent\":\"fz-no-such-agent\",\"input\":\"x\"}",
                            "{\"agent\":\"\",\"input\":\"x\"}",
                            "{\"agent\":\"" + agent + "\",\"input\":\"\"}",
                            "{\"agent\":\"" + agent + "\",\"input\":\"x\",\"priority\":10}",
                            "{\"agent\":\"" + agent + "\",\"input\":\"x\",\"tags\":[\"a b\"]}",
                            "{\"agent\":\"" + agent + "\",\"input\":\"x\",\"tokenBudget\":0}",
                            "{\"input\":\"x\"}"),
                        Values.wrongType(Values.Type.OBJECT))))),
        // every body sent here breaks a rule: a good one would drain the shared server
        Map.entry(
            "POST v1/organism/stop",
            List.of(field("deadlineSeconds", optional(ints(0, 3600)), badInt(-1, 3601)))),
        // the fixture approval is decided, so even a good decision is refused
        Map.entry(
            "POST v1/approvals/{id}/approve",
            List.of(field("comment", optional(quoted("ok")), stored(2001)))),
        Map.entry(
            "POST v1/approvals/{id}/deny",
            List.of(field("comment", optional(quoted("no")), stored(2001)))),
        Map.entry("POST v1/workflows", workflowFields(true, agent)),
        Map.entry("PUT v1/workflows/{name}", workflowFields(false, agent)),
        Map.entry(
            "POST v1/workflows/{name}/runs",
            List.of(field("input", quoted("go"), storedOrBlank(100_001)))),
        // the fixture run is no state machine, so even a good event is refused
        Map.entry(
            "POST v1/workflow-runs/{id}/events",
            List.of(
                field(
                    "type",
                    quoted("approved"),
                    Gen.oneOf(
                        badString("", "a b", "x".repeat(65)),
                        Values.wrongType(Values.Type.STRING))),
                field("payload", optional(quoted("ok")), badString("", "  ")))),
        Map.entry(
            "POST v1/tasks/{id}/respond",
            // the fixture task has finished, so even a good answer is refused
            List.of(field("message", quoted("ok"), storedOrBlank(100_001)))));
  }

  private static List<Field> agentFields(boolean create, String provider) {
    var fields = new ArrayList<Field>();
    if (create) {
      fields.add(
          field(
              "name",
              quoted("fz-new-agent"),
              Gen.oneOf(
                  badString("", "UPPER", "-dash", "a/b", "a b", "x".repeat(64), "ünï"),
                  Values.wrongType(Values.Type.STRING))));
    }
    fields.add(field("description", optional(Values.text(0, 50)), stored(2001)));
    fields.add(
        field("systemPrompt", Values.text(1, 50).map(Values::notBlank), storedOrBlank(200_000)));
    fields.add(
        field(
            "provider",
            quoted(provider),
            Gen.oneOf(badString("fz-no-such-provider", ""), Values.wrongType(Values.Type.STRING))));
    fields.add(field("model", quoted("scripted"), storedOrBlank(256)));
    fields.add(
        field(
            "temperature",
            optional(Gen.of("0", "0.7", "2")),
            Gen.oneOf(
                Gen.of("-0.1", "2.01", "1e308", "-1e400", "1e999999999"),
                Values.wrongType(Values.Type.NUMBER))));
    fields.add(field("maxOutputTokens", optional(ints(1, 1_000_000)), badInt(0, 1_000_001)));
    fields.add(
        field(
            "tools",
            optional(Gen.of("[]", "[\"current_time\"]")),
            Gen.oneOf(
                Gen.of(
                    "[\"Bad Tool\"]", "[null]", "[\"fz_no_such_tool\"]", "[\"\"]", "[1]", "[[]]"),
                Values.wrongType(Values.Type.ARRAY))));
    fields.add(
        field(
            "limits",
            optional(Gen.of("{}", "{\"maxIterations\":3}", "{\"tokenBudget\":100}")),
            Gen.oneOf(
                Gen.of(
                    "{\"maxIterations\":0}",
                    "{\"maxIterations\":1001}",
                    "{\"maxDurationSeconds\":86401}",
                    "{\"maxDurationSeconds\":-1}",
                    "{\"tokenBudget\":0}",
                    "{\"tokenBudget\":-5}",
                    "{\"maxIterations\":4294967297}",
                    "{\"tokenBudget\":9223372036854775808}",
                    "{\"other\":1}"),
                Values.wrongType(Values.Type.OBJECT))));
    fields.add(field("enabled", optional(Gen.of("true")), Values.wrongType(Values.Type.BOOLEAN)));
    return fields;
  }

  private static List<Field> providerFields(boolean create) {
    var fields = new ArrayList<Field>();
    if (create) {
      fields.add(
          field(
              "name",
              quoted("fz-new-provider"),
              Gen.oneOf(
                  badString("", "Upper", "a.b", "x".repeat(64), "fz-provider"),
                  Values.wrongType(Values.Type.STRING))));
    }
    fields.add(
        field(
            "kind",
            quoted("scripted"),
            Gen.oneOf(badString("", "gpt", "scripted-2"), Values.wrongType(Values.Type.STRING))));
    fields.add(
        field(
            "baseUrl",
            optional(quoted("http://127.0.0.1:9/v1")),
            Gen.oneOf(
                badString("ftp://x", "localhost:8080", "http://" + "a".repeat(2050)),
                Values.withNul(),
                Values.wrongType(Values.Type.STRING))));
    fields.add(field("apiKey", optional(Values.text(0, 20)), stored(4097)));
    fields.add(field("timeoutMs", optional(ints(1, 3_600_000)), badLong(false)));
    fields.add(field("maxRetries", optional(ints(0, 10)), badInt(-1, 11)));
    fields.add(
        field(
            "prices",
            optional(Gen.of("{}", "{\"scripted\":{\"inputPerMillion\":1,\"outputPerMillion\":2}}")),
            Gen.oneOf(
                Gen.of(
                    "{\"m\":5}",
                    "{\"m\":{\"inputPerMillion\":-1,\"outputPerMillion\":1}}",
                    "{\"m\":{\"inputPerMillion\":\"x\"}}",
                    "{\"m\":{\"inputPerMillion\":1e999999}}",
                    "{\"m\":null}"),
                Values.wrongType(Values.Type.OBJECT))));
    fields.add(
        field(
            "scriptedTurns",
            Gen.of("[{\"text\":\"hello\"}]"),
            Gen.oneOf(
                Gen.of(
                    "[5]",
                    "[{\"toolCalls\":3}]",
                    "[{\"toolCalls\":[{\"arguments\":{}}]}]",
                    "[{\"text\":\"x\",\"promptTokens\":-1}]",
                    "[{\"text\":\"x\",\"delayMs\":\"soon\"}]"),
                Values.wrongType(Values.Type.ARRAY))));
    return fields;
  }

  private static List<Field> goalFields(String agent) {
    return List.of(
        field("goal", quoted("write a report"), storedOrBlank(20_001)),
        field(
            "planner",
            quoted(agent),
            Gen.oneOf(badString("fz-no-such-agent", ""), Values.wrongType(Values.Type.STRING))),
        field(
            "agents",
            optional(Gen.of("[]", "[\"" + agent + "\"]")),
            Gen.oneOf(
                Gen.of(
                    "[\"fz-no-such-agent\"]",
                    "[null]",
                    "[\"\"]",
                    "[\"" + agent + "\",\"" + agent + "\"]"),
                Values.wrongType(Values.Type.ARRAY))),
        field(
            "priority",
            optional(Gen.of("0", "9")),
            Gen.of("10", "-1", "4294967300", "4.5", "\"urgent\"", "true", "{}", "[]")),
        field("budget", optional(ints(1, 1_000_000)), badLong(true)));
  }

  private static List<Field> taskFields(String session) {
    return List.of(
        field("input", quoted("work"), storedOrBlank(100_001)),
        field(
            "priority",
            optional(Gen.of("0", "9", "\"high\"", "\"low\"")),
            Gen.of(
                "10", "-1", "4294967300", "4.5", "\"urgent\"", "true", "{}", "[]", "1e999999999")),
        field(
            "tags",
            optional(Gen.of("[]", "[\"a\",\"b.c:d-e_f\"]")),
            Gen.oneOf(
                Gen.of(
                    "[\"a b\"]",
                    "[\"\"]",
                    "[null]",
                    "[\"" + "t".repeat(65) + "\"]",
                    "[\"ü\"]",
                    "[" + "\"t\",".repeat(20) + "\"t\"]"),
                Values.wrongType(Values.Type.ARRAY))),
        field("sessionId", optional(quoted(session)), badString("fz-no-such-session", "")),
        field("maxIterations", optional(ints(1, 1000)), badInt(0, 1001)),
        field("maxDurationSeconds", optional(ints(1, 86_400)), badInt(0, 86_401)),
        field("tokenBudget", optional(ints(1, 1_000_000)), badLong(true)),
        field(
            "notBefore",
            optional(quoted("2026-01-01T00:00:00Z")),
            badString("soon", "2999-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "")),
        field("delaySeconds", optional(ints(0, 60)), badInt(-1, 2_592_001)));
  }

  private static List<Field> scheduleFields(String agent) {
    return List.of(
        field("name", quoted("fz-new-schedule"), storedOrBlank(256)),
        field(
            "agent",
            quoted(agent),
            Gen.oneOf(badString("fz-no-such-agent", ""), Values.wrongType(Values.Type.STRING))),
        field(
            "task",
            Gen.of("{\"input\":\"tick\"}", "{\"input\":\"tick\",\"priority\":\"low\"}"),
            Gen.oneOf(
                Gen.of(
                    "null",
                    "{}",
                    "{\"input\":\"\"}",
                    "{\"input\":\"x\",\"priority\":10}",
                    "{\"input\":\"x\",\"tags\":[\"a b\"]}",
                    "{\"input\":\"x\",\"maxIterations\":0}",
                    "{\"input\":\"x\",\"tokenBudget\":-1}",
                    "{\"input\":\"x\",\"sessionId\":\"s\"}",
                    "{\"input\":\"x\",\"tags\":[" + "\"t\",".repeat(19) + "\"t\"]}"),
                Values.wrongType(Values.Type.OBJECT))),
        field("intervalSeconds", Gen.of("3600", "60"), badLong(true)),
        field(
            "cron",
            Gen.just(null),
            badString("* * *", "61 * * * *", "bad", "0 0 31 2 *", "* * * * * * *", "")),
        field(
            "timeZone",
            optional(quoted("UTC", "Europe/Paris")),
            Gen.oneOf(badString("Mars/Base", "", "UTC+99"), stored(300))),
        field(
            "overlap",
            optional(quoted("skip", "allow", "buffer_one")),
            badString("sometimes", "", "SKIP!")),
        field("paused", Gen.just("true"), Values.wrongType(Values.Type.BOOLEAN)),
        field(
            "startAt",
            Gen.just(null),
            badString("yesterday", "2026-02-30T00:00:00Z", "+1000000000-01-01T00:00:00Z")),
        field(
            "endAt",
            Gen.just(null),
            badString("1970-01-01T00:00:00Z", "never", "-1000000000-01-01T00:00:00Z")));
  }

  /**
   * {@code POST /api/v1/workflows} and {@code PUT /api/v1/workflows/{name}}: name rule, description
   * up to 2000, and a definition that names a known agent, holds no empty list, and is an object.
   */
  private static List<Field> workflowFields(boolean create, String agent) {
    var name =
        create
            ? field(
                "name",
                quoted("fz-new-workflow"),
                Gen.oneOf(
                    badString("Bad Name", "", "-x", "a".repeat(64)),
                    Values.wrongType(Values.Type.STRING)))
            : field("name", Gen.just(null), badString("fz-other-name", "Bad Name"));
    var good = "{\"root\":{\"kind\":\"agent\",\"agent\":\"" + agent + "\"}}";
    return List.of(
        name,
        field("description", optional(Values.text(0, 50)), stored(2001)),
        field(
            "definition",
            Gen.just(good),
            Gen.oneOf(
                Gen.of(
                    "{}",
                    "{\"root\":{\"kind\":\"agent\",\"agent\":\"fz-no-such-agent\"}}",
                    "{\"root\":{\"kind\":\"pipeline\",\"steps\":[]}}",
                    "{\"root\":{\"kind\":\"loop\",\"body\":{\"kind\":\"agent\",\"agent\":\""
                        + agent
                        + "\"},\"maxIterations\":0}}",
                    "null"),
                Values.wrongType(Values.Type.OBJECT))));
  }

  /**
   * {@code POST /api/v1/skills} and {@code PUT /api/v1/skills/{name}} (where the name comes from
   * the path): name rule, description 1–1024, content not blank, relative file paths, no NUL.
   */
  private static List<Field> skillFields(boolean create) {
    var name =
        create
            ? field(
                "name",
                quoted("fz-new-skill"),
                Gen.oneOf(
                    badString("Bad Name", "", "-x", "a".repeat(64)),
                    Values.withNul(),
                    Values.wrongType(Values.Type.STRING)))
            : field("name", Gen.just(null), badString("fz-other-name", "Bad Name"));
    return List.of(
        name,
        field("description", quoted("What it is for."), storedOrBlank(1025)),
        field("allowedTools", optional(Gen.of("[\"todo\"]", "[]")), Gen.of("[\"a,b\"]", "[\"\"]")),
        field("content", quoted("Do it."), storedOrBlank(70_000)),
        field(
            "files",
            optional(Gen.of("{\"notes.md\":\"n\"}", "{}")),
            Gen.oneOf(
                Gen.of(
                    "{\"../x.md\":\"y\"}",
                    "{\"/etc/x\":\"y\"}",
                    "{\"SKILL.md\":\"y\"}",
                    "{\"a/./b\":\"y\"}",
                    "{\"k\":\"\\u0000\"}"),
                Values.wrongType(Values.Type.OBJECT))));
  }

  /**
   * {@code POST /api/v1/mcp-servers} and {@code PUT /api/v1/mcp-servers/{name}}: valid bodies are
   * http servers at the shared server's own {@code /mcp} (so that the fixture server, which a
   * {@code PUT} may change, stays reachable and keeps its headers); broken ones break the name
   * rule, name another transport, give a command or env to an http server, a URL that is not
   * http(s) or holds credentials, a reserved or malformed header, or a timeout outside 1–600.
   */
  private static List<Field> mcpServerFields(boolean create, String url) {
    var name =
        create
            ? field(
                "name",
                quoted("fz-new-mcp"),
                Gen.oneOf(
                    badString("Bad Name", "", "-x", "a_b", "a".repeat(64)),
                    Values.withNul(),
                    Values.wrongType(Values.Type.STRING)))
            : field("name", Gen.just(null), badString("fz-other-name", "Bad Name"));
    return List.of(
        name,
        field(
            "transport",
            quoted("http"),
            Gen.oneOf(badString("sse", "", "HTTP"), Values.wrongType(Values.Type.STRING))),
        field(
            "command",
            Gen.just(null),
            Gen.oneOf(Gen.of("[\"npx\"]"), Values.wrongType(Values.Type.ARRAY))),
        field(
            "url",
            quoted(url),
            Gen.oneOf(
                badString("ftp://h/mcp", "", "https://u:p@h/mcp", "not a url"),
                Values.wrongType(Values.Type.STRING))),
        field(
            "headers",
            create ? optional(Gen.of("{\"X-Fz\":\"1\"}", "{}")) : Gen.just(null),
            Gen.oneOf(
                Gen.of(
                    "{\"Host\":\"x\"}",
                    "{\"bad name\":\"x\"}",
                    "{\"X-Fz\":\"a\\nb\"}",
                    "{\"X-Fz\":null}"),
                Values.wrongType(Values.Type.OBJECT))),
        field(
            "env",
            Gen.just(null),
            Gen.oneOf(
                Gen.of("{\"A\":\"b\"}", "{\"1X\":\"b\"}"), Values.wrongType(Values.Type.OBJECT))),
        field("timeoutSeconds", optional(ints(1, 600)), badInt(0, 601)));
  }

  private static Field field(String name, Gen<String> valid, Gen<String> invalid) {
    return new Field(name, valid, invalid);
  }

  private static Gen<String> optional(Gen<String> valid) {
    return Gen.oneOf(valid, Gen.just(null));
  }

  private static Gen<String> quoted(String... values) {
    return Gen.of(values).map(Values::quote);
  }

  private static Gen<String> badString(String... values) {
    return quoted(values);
  }

  private static Gen<String> ints(int min, int max) {
    return Gen.between(min, max).map(String::valueOf);
  }

  private static Gen<String> decimals() {
    // 0.00 to 10.00, two decimals
    return Gen.between(0, 1000)
        .map(cents -> java.math.BigDecimal.valueOf(cents, 2).toPlainString());
  }

  /** A string field that is stored: too long, containing NUL, or of another JSON type. */
  private static Gen<String> stored(int tooLong) {
    return Gen.oneOf(
        Values.text(tooLong, tooLong + 10), Values.withNul(), Values.wrongType(Values.Type.STRING));
  }

  /** As {@link #stored}, and blank too. */
  private static Gen<String> storedOrBlank(int tooLong) {
    return Gen.oneOf(stored(tooLong), badString("", "   ", "\n\t", "\u2028"), Gen.just("null"));
  }

  private static Gen<String> badInt(int below, int above) {
    return Gen.oneOf(
        Gen.of(
            Integer.toString(below),
            Integer.toString(above),
            "-2147483649",
            "2147483648",
            "4294967297",
            "99999999999999999999999",
            "1e999999999",
            "1.5"),
        Values.wrongType(Values.Type.NUMBER));
  }

  private static Gen<String> badLong(boolean zeroIsBad) {
    return Gen.oneOf(
        Gen.of(
            zeroIsBad ? "0" : "-1",
            "-1",
            "-9223372036854775808",
            "9223372036854775808",
            "18446744073709551617",
            "1e999999999",
            "-1e400",
            "2.5"),
        Values.wrongType(Values.Type.NUMBER));
  }

  private static Gen<String> badUsd() {
    return Gen.oneOf(
        Gen.of("-0.01", "-1", "1e15", "1e30", "12345678901.5", "1e999999999", "-1e-999999999"),
        Values.wrongType(Values.Type.NUMBER));
  }

  /** The bodies of one endpoint, from its fields' generators. */
  static final class Bodies {
    private final List<Field> fields;
    private final List<Gen<String>> valid = new ArrayList<>();
    private final List<Gen<String>> invalid = new ArrayList<>();

    Bodies(List<Field> fields) {
      this.fields = fields;
      for (var field : fields) {
        valid.add(field.valid());
        invalid.add(field.invalid());
      }
    }

    /** At least one field broken, the others valid or left out, in a shuffled order. */
    String invalid(Random random) {
      int forced;
      do {
        forced = random.nextInt(fields.size());
      } while (invalid.get(forced) == null);
      var members = new ArrayList<String>();
      for (int i = 0; i < fields.size(); i++) {
        boolean broken = invalid.get(i) != null && (i == forced || random.nextInt(4) == 0);
        var value = (broken ? invalid : valid).get(i).next(random);
        if (value != null) {
          members.add(Values.quote(fields.get(i).name()) + ":" + value);
        }
      }
      Collections.shuffle(members, random);
      return "{" + String.join(",", members) + "}";
    }

    /** Valid fields only, for requests whose defect lies elsewhere. */
    String valid(Random random) {
      var members = new ArrayList<String>();
      for (int i = 0; i < fields.size(); i++) {
        var value = valid.get(i).next(random);
        if (value != null) {
          members.add(Values.quote(fields.get(i).name()) + ":" + value);
        }
      }
      return "{" + String.join(",", members) + "}";
    }
  }
}
