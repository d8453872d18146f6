package org.agentry.platform.rest;

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
              .withDeserializers(new ExactLong(), new ExactInteger()));

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
