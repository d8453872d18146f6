package org.agentry.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.agentry.server.RoleMatrixIT.Role;
import org.agentry.server.RoleMatrixIT.Row;

/**
 * Requests that the server must refuse, over every endpoint of the role matrix. Each carries at
 * least one defect the server has to notice whatever else it holds: a bad or missing token, a role
 * too low, a wrong method, an id that names nothing, a bad query value, a wrong content type or
 * {@code Accept}, a body that is not JSON, not an object, too large, or has a field that breaks its
 * rule, a bad {@code If-Match}, {@code Idempotency-Key} or {@code Last-Event-ID}.
 */
final class BadRequests {

  /**
   * One request.
   *
   * @param defect the class of defect, for the figures
   * @param path from the server's root, encoded
   * @param expected the one status the defect must get, or 0 when any 4xx will do
   */
  record Request(
      String defect,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      int expected) {}

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final String JSON = "application/json";

  private final Fixtures fixtures;
  private final Map<String, BodySchemas.Bodies> bodies;
  private final List<Row> rows;
  private final Gen<String> anyJson;
  private final Map<String, Set<String>> methodsByRoute;

  BadRequests(Fixtures fixtures) {
    this.fixtures = fixtures;
    this.bodies = new LinkedHashMap<>();
    BodySchemas.of(fixtures)
        .forEach((key, fields) -> bodies.put(key, new BodySchemas.Bodies(fields)));
    this.anyJson = Values.anyJson();
    this.rows = RoleMatrixIT.MATRIX;
    this.methodsByRoute =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    Row::route, Collectors.mapping(Row::method, Collectors.toSet())));
  }

  /** Every defect class, weighted. */
  Gen<Request> any() {
    return Gen.weighted(
        Map.entry(12, badToken()),
        Map.entry(6, roleTooLow()),
        Map.entry(8, wrongMethod()),
        Map.entry(10, absentId()),
        Map.entry(4, unknownRoute()),
        Map.entry(10, badQuery()),
        Map.entry(6, wrongContentType()),
        Map.entry(4, notAcceptable()),
        Map.entry(10, malformedBody()),
        Map.entry(22, invalidFields()),
        Map.entry(5, badHeader()),
        Map.entry(3, oversized()));
  }

  /** The routes with a body schema, i.e. those that read JSON. */
  Set<String> bodyKeys() {
    return bodies.keySet();
  }

  private Gen<Row> anyRow() {
    return Gen.of(rows);
  }

  private Gen<Row> bodyRows() {
    return Gen.of(rows.stream().filter(r -> bodies.containsKey(r.key())).toList());
  }

  private Gen<Request> badToken() {
    Gen<String> tokens =
        Gen.oneOf(
            Gen.of(
                "",
                "Bearer",
                "Bearer ",
                "Bearer    ",
                "Basic YWRtaW46YWRtaW4=",
                "Token " + SharedServer.ADMIN,
                "Bearer " + fixtures.revokedKey(),
                "Bearer " + SharedServer.ADMIN + "x",
                "Bearer " + SharedServer.ADMIN.toUpperCase(java.util.Locale.ROOT),
                "Bearer " + SharedServer.ADMIN.substring(1),
                "Bearer agentry_",
                "Bearer " + "a".repeat(6000),
                "Bearer null",
                "Bearer \t" + "x"),
            Gen.strings(' ', '~', 0, 200).map(s -> "Bearer " + s),
            Gen.strings('\u00a0', '\u00ff', 1, 40).map(s -> "Bearer " + s));
    var rowGen = anyRow();
    var bodyGen = body();
    return random -> {
      var row = rowGen.next(random);
      var token = tokens.next(random);
      var body = bodyGen.next(random);
      var headers = new LinkedHashMap<String, String>();
      if (!token.isEmpty()) {
        headers.put("Authorization", token);
      }
      if (bodies.containsKey(row.key())) {
        headers.put("Content-Type", JSON);
      }
      return new Request(
          "token", row.method(), path(row, false, random), headers, bytes(body), 401);
    };
  }

  private Gen<Request> roleTooLow() {
    var restricted = rows.stream().filter(r -> r.minimum() != Role.VIEWER).toList();
    var rowGen = Gen.of(restricted);
    return random -> {
      var row = rowGen.next(random);
      var token =
          row.minimum() == Role.ADMIN && random.nextBoolean()
              ? fixtures.operatorKey()
              : fixtures.viewerKey();
      var headers = auth(token);
      byte[] body = new byte[0];
      if (bodies.containsKey(row.key())) {
        headers.put("Content-Type", JSON);
        body = bytes(bodies.get(row.key()).valid(random));
      }
      return new Request("role", row.method(), path(row, false, random), headers, body, 403);
    };
  }

  private Gen<Request> wrongMethod() {
    var methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "PROPFIND", "FOO");
    var rowGen = anyRow();
    var methodGen = Gen.of(methods);
    return random -> {
      var row = rowGen.next(random);
      var method = methodGen.next(random);
      var allowed = methodsByRoute.get(row.route());
      var wrong = allowed.contains(method) ? "PATCH" : method;
      var headers = auth(SharedServer.ADMIN);
      headers.put("Content-Type", JSON);
      return new Request(
          "method", wrong, path(row, false, random), headers, bytes("{\"name\":\"x\"}"), 0);
    };
  }

  private Gen<Request> absentId() {
    var withIds = rows.stream().filter(r -> r.route().contains("{") && !isLenient(r)).toList();
    var rowGen = Gen.of(withIds);
    return random -> {
      var row = rowGen.next(random);
      var headers = auth(allowedToken(row, random));
      byte[] body = new byte[0];
      if (bodies.containsKey(row.key())) {
        headers.put("Content-Type", JSON);
        headers.put("If-Match", "*");
        body = bytes(bodies.get(row.key()).valid(random));
      }
      if (row.route().endsWith("/stream")) {
        headers.put("Accept", "text/event-stream");
      }
      return new Request("id", row.method(), path(row, true, random), headers, body, 0);
    };
  }

  /** Routes where any id is a fine question (usage of an unknown model is zero, not 404). */
  private static boolean isLenient(Row row) {
    return row.route().startsWith("v1/usage/");
  }

  private Gen<Request> unknownRoute() {
    var id = fixtures.ids().get("task");
    Gen<String> paths =
        Gen.oneOf(
            Gen.of(
                "/api",
                "/api/",
                "/api/v2/info",
                "/api/v1",
                "/api/v1/",
                "/api/v1/agentz",
                "/api//v1/info",
                "/api/v1/info/extra",
                "/api/v1/tasks/" + id + "/unknown",
                "/api/v1/agents/a/b/c/d/e",
                "/api/v1/usage/models/a/b",
                "/api/v1/%2e%2e/%2e%2e/etc/passwd",
                "/api/v1/agents/%2F",
                "/api/v1/agents/%00",
                "/api/v1/agents/%C0%AE",
                "/api/v1/agents/%FF%FE",
                "/api/v1/tasks;jsessionid=1",
                "/api/v1/%E2%80%AE"),
            Gen.strings(1, 30).map(s -> "/api/v1/" + encode(s)),
            Gen.between(1, 400).map(n -> "/api/v1/" + "x/".repeat(n)));
    var methods = Gen.of("GET", "POST", "DELETE", "PUT");
    return random -> {
      var path = paths.next(random);
      var method = methods.next(random);
      return new Request("route", method, path, auth(SharedServer.ADMIN), new byte[0], 0);
    };
  }

  private Gen<Request> badQuery() {
    var limits =
        List.of("0", "-1", "201", "2147483648", "99999999999999999999", "abc", "1.5", "1e3", "💥");
    var queries =
        new LinkedHashMap<String, List<String>>(
            Map.ofEntries(
                Map.entry("v1/schedules", List.of("agent", "offset", "limit")),
                Map.entry("v1/schedules/{id}/runs", List.of("offset", "limit")),
                Map.entry("v1/schedules/preview", List.of("cron", "zone", "count")),
                Map.entry("v1/schedules/upcoming", List.of("from", "to", "agent")),
                Map.entry("v1/sensors/events", List.of("sensorId", "offset", "limit")),
                Map.entry("v1/sessions", List.of("agent", "offset", "limit")),
                Map.entry("v1/sessions/{id}/messages", List.of("after", "limit")),
                Map.entry(
                    "v1/tasks",
                    List.of(
                        "agent",
                        "tag",
                        "status",
                        "priority",
                        "createdFrom",
                        "createdTo",
                        "cursor",
                        "limit",
                        "order")),
                Map.entry("v1/tasks/{id}/events", List.of("after", "limit")),
                Map.entry("v1/goals", List.of("status", "cursor", "limit")),
                Map.entry("v1/goals/{id}/events", List.of("after", "limit")),
                Map.entry("v1/tasks/{id}/stream", List.of("after")),
                Map.entry("v1/stream", List.of("after")),
                Map.entry("v1/usage", List.of("from", "to")),
                Map.entry("v1/usage/agents/{name}", List.of("from", "to")),
                Map.entry("v1/usage/models/{model}", List.of("from", "to")),
                Map.entry("v1/usage/export", List.of("format", "from", "to"))));
    var bad =
        Map.of(
            "offset", List.of("-1", "-2147483648", "2147483648", "abc", "1.0"),
            "limit", limits,
            "after", List.of("abc", "9223372036854775808", "1.5", "0x10", "💥"),
            "status", List.of("zzz", "", "queued,running", "💥"),
            "priority", List.of("abc", "99999999999", "1.5"),
            "createdFrom", List.of("yesterday", "2026-13-45T00:00:00Z", "0", "", "💥"),
            "createdTo", List.of("tomorrow", "2026-01-01", "+999999999-01-01T00:00:00Z"),
            "cursor", List.of("!!!", "eHx5", "MjAyNi0wMS0wMVQwMDowMDowMFo", "%%", "💥"),
            "from", List.of("2026-02-30T00:00:00Z", "last week", "-1", "💥"),
            "to", List.of("x", "2026-01-01T25:00:00Z", "+1000000000-12-31T23:59:59Z"));
    bad = new LinkedHashMap<>(bad);
    bad.put("format", List.of("xml", "CSV", "", "json"));
    bad.put("order", List.of("up", "ASC", "", "newest", "💥"));
    // filters take any text, but PostgreSQL stores no NUL: such a filter must not fail
    var texts = List.of("a\u0000b", "\u0000", "%", "_", "'", "💥", "x".repeat(3000));
    bad.put("agent", texts);
    bad.put("tag", texts);
    bad.put("sensorId", texts);
    bad.put("cron", List.of("* * *", "61 * * * *", "@daily", "0 0 30 2 *", "\u0000", "💥"));
    bad.put("zone", List.of("Mars/Base", "+25:00", "\u0000", "💥"));
    bad.put("count", List.of("0", "21", "-1", "abc", "1.5"));
    var values = bad;
    var targets =
        rows.stream()
            .filter(r -> r.method().equals("GET") && queries.containsKey(r.route()))
            .toList();
    var rowGen = Gen.of(targets);
    return random -> {
      var row = rowGen.next(random);
      var names = queries.get(row.route());
      var name = names.get(random.nextInt(names.size()));
      var options = values.get(name);
      var value = options.get(random.nextInt(options.size()));
      var headers = auth(allowedToken(row, random));
      if (row.route().endsWith("stream")) {
        headers.put("Accept", "text/event-stream");
      }
      var path = path(row, false, random) + "?" + name + "=" + encode(value);
      return new Request("query", "GET", path, headers, new byte[0], 0);
    };
  }

  private Gen<Request> wrongContentType() {
    var types =
        Gen.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=ebcdic-nonsense",
            "application/json; charset=utf-16",
            "application/jsonx",
            "application/problem+json",
            "garbage",
            "/",
            "",
            "none");
    var rowGen = bodyRows();
    return random -> {
      var row = rowGen.next(random);
      var type = types.next(random);
      var headers = auth(SharedServer.ADMIN);
      if (!type.equals("none")) {
        headers.put("Content-Type", type);
      }
      headers.put("If-Match", "*");
      var body = bodies.get(row.key()).invalid(random);
      return new Request(
          "content-type", row.method(), path(row, false, random), headers, bytes(body), 0);
    };
  }

  private Gen<Request> notAcceptable() {
    // only reads: whether a bad Accept stops a change before it is made is not specified
    var reads = rows.stream().filter(r -> r.method().equals("GET")).toList();
    var accepts = Gen.of("application/xml", "image/png", "text/html;q=1, */*;q=0", "???");
    var rowGen = Gen.of(reads);
    return random -> {
      var row = rowGen.next(random);
      var accept = accepts.next(random);
      var headers = auth(SharedServer.ADMIN);
      headers.put("Accept", accept);
      byte[] body = new byte[0];
      if (bodies.containsKey(row.key())) {
        headers.put("Content-Type", JSON);
        body = bytes(bodies.get(row.key()).invalid(random));
      }
      return new Request("accept", row.method(), path(row, false, random), headers, body, 0);
    };
  }

  private Gen<Request> malformedBody() {
    var rowGen = bodyRows();
    var bodyGen = malformed();
    return random -> {
      var row = rowGen.next(random);
      var body = bodyGen.next(random);
      var headers = auth(SharedServer.ADMIN);
      headers.put("Content-Type", JSON);
      headers.put("If-Match", "*");
      return new Request("body", row.method(), path(row, false, random), headers, body, 400);
    };
  }

  private Gen<byte[]> malformed() {
    var cut = Gen.between(0, 10_000);
    var text = bodyText();
    return Gen.oneOf(
        Gen.of(
                "",
                "null",
                "true",
                "42",
                "\"text\"",
                "[]",
                "[{}]",
                "{",
                "}",
                "{\"input\":}",
                "{'input':'x'}",
                "{\"input\":\"x\",}",
                "{\"input\":\"x\"} {}",
                "{\"input\":NaN}",
                "{\"input\":\"x\" /* c */}",
                "{\"input\":\"\\x\"}",
                "{\"input\":\"\\ud800\\u\"}",
                "\ufeff{\"input\":",
                "{\"unknownField\":1}")
            .map(BadRequests::bytes),
        Gen.between(1_000, 30_000).map(n -> bytes("[".repeat(n) + "]".repeat(n))),
        Gen.between(1_000, 6_000).map(n -> bytes(Values.nestedObject(n))),
        Gen.between(1, 5_000).map(n -> bytes("{\"x\":" + "[".repeat(n))),
        Gen.bytes(300),
        Gen.of(
            new byte[] {
              '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
            },
            new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0},
            new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'}),
        random -> {
          var whole = text.next(random);
          return bytes(whole.substring(0, Math.min(cut.next(random), whole.length() - 1)));
        });
  }

  private Gen<String> bodyText() {
    var all = List.copyOf(bodies.values());
    Gen<String> valid = random -> all.get(random.nextInt(all.size())).valid(random);
    return valid.filter(s -> s.length() > 2);
  }

  private Gen<Request> invalidFields() {
    var rowGen = bodyRows();
    return random -> {
      var row = rowGen.next(random);
      int extra = random.nextInt(10);
      var headers = auth(allowedToken(row, random));
      headers.put("Content-Type", JSON);
      headers.put("If-Match", random.nextBoolean() ? "*" : "\"0\"");
      var body = bodies.get(row.key()).invalid(random);
      if (extra == 0) {
        body =
            body.substring(0, body.length() - 1)
                + (body.length() > 2 ? "," : "")
                + "\"fuzzExtra\":"
                + anyJson.next(random)
                + "}";
      }
      return new Request("fields", row.method(), path(row, false, random), headers, bytes(body), 0);
    };
  }

  private Gen<Request> badHeader() {
    var puts =
        rows.stream()
            .filter(r -> r.method().equals("PUT") && !r.route().endsWith("/budget"))
            .toList();
    var putRows = Gen.of(puts);
    var ifMatchValues =
        Gen.of(
            "abc",
            "\"\"",
            "\"-1\"",
            "W/\"1\"",
            "\"99999999999999999999\"",
            "\"999999\"",
            "\"1\", \"2\"");
    Gen<Request> ifMatch =
        random -> {
          var row = putRows.next(random);
          var value = ifMatchValues.next(random);
          var headers = auth(SharedServer.ADMIN);
          headers.put("Content-Type", JSON);
          headers.put("If-Match", value);
          var body = bodies.get(row.key()).valid(random);
          return new Request("header", "PUT", path(row, false, random), headers, bytes(body), 0);
        };
    var agent = fixtures.ids().get("agent");
    var idempotency =
        Gen.between(256, 2_000)
            .map(
                n -> {
                  var headers = auth(SharedServer.ADMIN);
                  headers.put("Content-Type", JSON);
                  headers.put("Idempotency-Key", "k".repeat(n));
                  return new Request(
                      "header",
                      "POST",
                      "/api/v1/agents/" + agent + "/tasks",
                      headers,
                      bytes("{\"input\":\"x\"}"),
                      400);
                });
    var task = fixtures.ids().get("task");
    var streams = Gen.of("/api/v1/tasks/" + task + "/stream", "/api/v1/stream");
    var eventIds = Gen.of("abc", "1.5", "99999999999999999999", "0x1", "💥", "1 2");
    Gen<Request> lastEventId =
        random -> {
          var path = streams.next(random);
          var value = eventIds.next(random);
          var headers = auth(SharedServer.ADMIN);
          headers.put("Accept", "text/event-stream");
          headers.put("Last-Event-ID", value.equals("💥") ? "\u00ff" : value);
          return new Request("header", "GET", path, headers, new byte[0], 400);
        };
    var noEventStream =
        streams.map(
            path -> {
              var headers = auth(SharedServer.ADMIN);
              headers.put("Accept", JSON);
              return new Request("header", "GET", path, headers, new byte[0], 406);
            });
    return Gen.oneOf(ifMatch, idempotency, lastEventId, noEventStream);
  }

  private Gen<Request> oversized() {
    var rowGen = bodyRows();
    var extras = Gen.between(1, 200_000);
    return random -> {
      var row = rowGen.next(random);
      int extra = extras.next(random);
      var headers = auth(SharedServer.ADMIN);
      headers.put("Content-Type", JSON);
      headers.put("If-Match", "*");
      var body = "{\"input\":\"" + "x".repeat(SharedServer.BODY_LIMIT + extra) + "\"}";
      return new Request("size", row.method(), path(row, false, random), headers, bytes(body), 413);
    };
  }

  private Gen<String> body() {
    return Gen.oneOf(Gen.just(""), bodyText(), Values.anyJson());
  }

  /** The row's route with each parameter a fixture's id, or (when {@code absent}) a bad one. */
  private String path(Row row, boolean absent, Random random) {
    var matcher = PARAMETER.matcher(row.route());
    var out = new StringBuilder("/api/");
    int last = 0;
    while (matcher.find()) {
      out.append(row.route(), last, matcher.start());
      var id = absent ? badId(random) : encode(fixtures.idFor(row.route(), matcher.group(1)));
      out.append(id);
      last = matcher.end();
    }
    return out.append(row.route().substring(last)).toString();
  }

  private static final List<String> BAD_IDS =
      List.of(
          "fz-absent",
          "00000000-0000-0000-0000-000000000000",
          "-1",
          "99999999999999999999",
          "null",
          "%20",
          "a%20b",
          "%2e%2e",
          "..%2F..%2Fetc",
          "%00",
          "%25",
          "%F0%9F%92%A5",
          "%C0%AE",
          "%E2%80%AE",
          "'%20OR%20'1'%3D'1",
          "a;b",
          "x".repeat(300),
          "%EF%BF%BF");

  private static String badId(Random random) {
    if (random.nextInt(4) == 0) {
      var chars = new StringBuilder();
      int n = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        chars.appendCodePoint(1 + random.nextInt(0x2FFFF));
      }
      return encode(chars.toString());
    }
    return BAD_IDS.get(random.nextInt(BAD_IDS.size()));
  }

  private String allowedToken(Row row, Random random) {
    var tokens = new ArrayList<String>();
    tokens.add(SharedServer.ADMIN);
    if (row.minimum() != Role.ADMIN) {
      tokens.add(fixtures.operatorKey());
    }
    if (row.minimum() == Role.VIEWER) {
      tokens.add(fixtures.viewerKey());
    }
    return tokens.get(random.nextInt(tokens.size()));
  }

  private static LinkedHashMap<String, String> auth(String token) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Authorization", "Bearer " + token);
    return headers;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
