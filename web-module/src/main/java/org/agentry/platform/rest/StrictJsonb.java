package org.agentry.platform.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON-B as the API uses it: unknown fields in a request body are an error, not silently dropped,
 * so that a mistyped field never goes unnoticed (Yasson's {@code
 * jsonb.fail-on-unknown-properties}); and a whole number must fit its field exactly: Yasson's own
 * conversion wrapped {@code 18446744073709551617} to 1 and turned {@code 1e999999999} into 0.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig()
              .setProperty("jsonb.fail-on-unknown-properties", true)
              .withDeserializers(new ExactLong(), new ExactInteger(), new StringMap()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  /** The JSON number as a whole number, or a binding error when it is none or not a number. */
  static BigDecimal wholeNumber(JsonParser parser) {
    BigDecimal value;
    try {
      value = parser.getBigDecimal();
    } catch (IllegalStateException | NumberFormatException e) {
      throw new JsonbException("not a number", e);
    }
    if (value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
      throw new JsonbException("not a whole number");
    }
    return value;
  }

  /** A {@code Long} field: 64-bit range only. */
  static final class ExactLong implements JsonbDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
      try {
        return wholeNumber(parser).longValueExact();
      } catch (ArithmeticException e) {
        throw new JsonbException("out of range", e);
      }
    }
  }

  /**
   * A {@code Map<String, String>} field: a JSON object whose members are strings, or null. Yasson's
   * own binding took an array ({@code "env": []}) for an empty map.
   */
  static final class StringMap implements JsonbDeserializer<Map<String, String>> {
    @Override
    public Map<String, String> deserialize(
        JsonParser parser, DeserializationContext context, Type type) {
      var value = parser.getValue();
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      if (!(value instanceof JsonObject object)) {
        throw new JsonbException("not an object");
      }
      var map = new LinkedHashMap<String, String>();
      for (var member : object.entrySet()) {
        if (!(member.getValue() instanceof JsonString text)) {
          throw new JsonbException("'" + member.getKey() + "' is not a string");
        }
        map.put(member.getKey(), text.getString());
      }
      return map;
    }
  }

  /** An {@code Integer} field: 32-bit range only. */
  static final class ExactInteger implements JsonbDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
      try {
        return wholeNumber(parser).intValueExact();
      } catch (ArithmeticException e) {
        throw new JsonbException("out of range", e);
      }
    }
  }
}
