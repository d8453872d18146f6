package org.agentry.workflow.control;

import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.agentry.platform.entity.Jsons;

/**
 * The small part of JSONPath (RFC 9535) that loop and branch conditions use: {@code $} followed by
 * member names ({@code .name} or {@code ['name']}) and array indexes ({@code [0]}), selecting one
 * value. No wildcards, filters or slices.
 */
public final class JsonPaths {

  private static final Pattern SEGMENT =
      Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_-]*)|\\['([^']*)']|\\[(\\d{1,9})]");

  private JsonPaths() {}

  /** Why the path is not one this class reads, or null when it is. */
  public static String problem(String path) {
    return segments(path) == null
        ? "'" + path + "' is not a JSONPath of the form $.a.b[0]['c d'] (no wildcards or filters)"
        : null;
  }

  /**
   * The value at the path in a JSON text.
   *
   * @return the value, or null when the text is not JSON or has nothing there
   */
  public static JsonValue select(String json, String path) {
    var segments = segments(path);
    if (segments == null || json == null) {
      return null;
    }
    JsonValue value;
    try (var reader = Jsons.createReader(json.strip())) {
      value = reader.readValue();
    } catch (RuntimeException e) {
      return null;
    }
    for (var segment : segments) {
      if (segment instanceof Integer index) {
        if (value.getValueType() != ValueType.ARRAY || index >= value.asJsonArray().size()) {
          return null;
        }
        value = value.asJsonArray().get(index);
      } else {
        if (value.getValueType() != ValueType.OBJECT) {
          return null;
        }
        value = value.asJsonObject().get((String) segment);
        if (value == null) {
          return null;
        }
      }
    }
    return value;
  }

  /** A value as a label: a string's text, anything else its JSON. */
  public static String text(JsonValue value) {
    return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
  }

  /** Member names (String) and indexes (Integer), or null for a path this class cannot read. */
  private static List<Object> segments(String path) {
    if (path == null || !path.startsWith("$")) {
      return null;
    }
    var segments = new ArrayList<Object>();
    var matcher = SEGMENT.matcher(path);
    int at = 1;
    while (at < path.length()) {
      if (!matcher.find(at) || matcher.start() != at) {
        return null;
      }
      if (matcher.group(1) != null) {
        segments.add(matcher.group(1));
      } else if (matcher.group(2) != null) {
        segments.add(matcher.group(2));
      } else {
        segments.add(Integer.valueOf(matcher.group(3)));
      }
      at = matcher.end();
    }
    return segments;
  }
}
