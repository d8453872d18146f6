package org.agentry.platform.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.io.StringReader;
import java.util.Collection;

/**
 * The application's one JSON-P provider and one JSON-B instance. {@code
 * Jsons.createObjectBuilder()} and its siblings look the provider up through the service loader on
 * every call, which scans the whole web application's class path (14 % of CPU samples in a task
 * benchmark); use these instead. Both objects are thread-safe.
 */
public final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  /** Made on first use, so that code using only JSON-P needs no JSON-B provider. */
  private static final class Binding {
    static final Jsonb JSONB = JsonbBuilder.create();
  }

  private Jsons() {}

  /** A new object builder from the cached provider. */
  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  /** A new array builder from the cached provider. */
  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  /** A new array builder holding these values. */
  public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
    return PROVIDER.createArrayBuilder(values);
  }

  /** A reader of JSON text from the cached provider. */
  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  /** A streaming parser of JSON bytes (encoding detected as RFC 8259 allows). */
  public static jakarta.json.stream.JsonParser createParser(java.io.InputStream in) {
    return PROVIDER.createParser(in);
  }

  /** A reader of a JSON text. */
  public static JsonReader createReader(String text) {
    return PROVIDER.createReader(new StringReader(text));
  }

  /**
   * The shared JSON-B instance: default configuration (members in lexicographic order, null members
   * left out).
   */
  public static Jsonb jsonb() {
    return Binding.JSONB;
  }
}
