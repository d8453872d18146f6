package org.agentry.server;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** JSON value texts for the fuzz test: strings of any Unicode, numbers, nesting. */
final class Values {

  /** JSON types, to pick values of another type than a field's. */
  enum Type {
    STRING,
    NUMBER,
    BOOLEAN,
    ARRAY,
    OBJECT
  }

  private Values() {}

  /** A JSON string literal of the text; control characters and lone surrogates escaped. */
  static String quote(String text) {
    var out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * A JSON string of any Unicode characters (lone surrogates and controls included). Long ones are
   * one random character repeated around a random short text: jqwik builds a string character by
   * character, which takes seconds for 100,000.
   */
  static Arbitrary<String> text(int min, int max) {
    if (max <= 100) {
      return Arbitraries.strings().all().ofMinLength(min).ofMaxLength(max).map(Values::quote);
    }
    return Combinators.combine(
            Arbitraries.strings().all().ofMaxLength(20),
            Arbitraries.chars().all(),
            Arbitraries.integers().between(min, max))
        .as((core, fill, length) -> quote(pad(core, fill, length)));
  }

  private static String pad(String core, char fill, int length) {
    var text = new StringBuilder(length).append(core);
    while (text.length() < length) {
      text.append(Character.isSurrogate(fill) ? 'x' : fill);
    }
    return text.substring(0, length);
  }

  /** The JSON string, made not blank by a letter in front. */
  static String notBlank(String quoted) {
    return "\"x" + quoted.substring(1);
  }

  /** Strings that PostgreSQL cannot store in a text column: they hold NUL. */
  static Arbitrary<String> withNul() {
    return Arbitraries.of("\"a\\u0000b\"", "\"\\u0000\"", "{\"k\":\"\\u0000\"}", "[\"x\\u0000\"]")
        .map(s -> s);
  }

  /** Any JSON value, sometimes nested deep. */
  static Arbitrary<String> anyJson() {
    return Arbitraries.oneOf(
        scalar(),
        Arbitraries.integers().between(1, 200).map(n -> "[".repeat(n) + "]".repeat(n)),
        Arbitraries.integers().between(1, 200).map(Values::nestedObject),
        Arbitraries.of("{}", "[]", "{\"a\":[1,{\"b\":null}]}"));
  }

  /**
   * Values of a JSON type other than the given one that JSON-B must refuse for it: Yasson reads
   * numbers and booleans into String fields and numeric strings into number fields, so those are
   * not offered (null neither: it means "absent").
   */
  static Arbitrary<String> wrongType(Type type) {
    var arrays = Arbitraries.of("[]", "[1,\"a\"]", "[[[[[]]]]]");
    var objects = Arbitraries.integers().between(1, 50).map(Values::nestedObject);
    var words = text(0, 12).filter(s -> !s.matches("\"[-+0-9.eE ]*\""));
    var numbers = Arbitraries.of("0", "-1", "3.25", "1e400", "-0");
    var booleans = Arbitraries.of("true", "false");
    return switch (type) {
      case STRING, BOOLEAN -> Arbitraries.oneOf(arrays, objects);
      case NUMBER -> Arbitraries.oneOf(words, arrays, objects);
      case ARRAY -> Arbitraries.oneOf(words, numbers, booleans, objects);
      case OBJECT -> Arbitraries.oneOf(words, numbers, booleans, arrays);
    };
  }

  private static Arbitrary<String> scalar() {
    return Arbitraries.oneOf(
        text(0, 40),
        Arbitraries.of(
            "null",
            "true",
            "0",
            "-0.0",
            "1e308",
            "1e-400",
            "123456789012345678901234567890",
            "\"\\ud800\"",
            "\"\\uffff\""));
  }

  static String nestedObject(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }
}
