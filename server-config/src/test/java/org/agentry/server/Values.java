package org.agentry.server;

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
   * A JSON string of any Unicode characters (lone surrogates and controls included, see {@link
   * Gen#strings(int, int)}). Up to 100 long it holds min to max UTF-16 code units. Longer ones are
   * a random short text between runs of one random character, min to max code points in all (so at
   * least min code units and UTF-8 bytes); that character is never a surrogate, whitespace or at
   * most U+0020, so trimming takes nothing off. Such long strings keep the 12,000 requests held in
   * memory small.
   */
  static Gen<String> text(int min, int max) {
    if (max <= 100) {
      return Gen.strings(min, max).map(Values::quote);
    }
    var cores = Gen.strings(0, 20);
    var fills = Gen.chars();
    var lengths = Gen.between(min, max);
    return random -> quote(pad(cores.next(random), fills.next(random), lengths.next(random)));
  }

  private static String pad(String core, char fill, int length) {
    char edge =
        Character.isSurrogate(fill)
                || fill <= ' '
                || Character.isWhitespace(fill)
                || Character.isSpaceChar(fill)
            ? 'x'
            : fill;
    var text = new StringBuilder(length + core.length() + 1).append(edge);
    int codePoints = 1;
    for (int i = 0; i < core.length() && codePoints < length - 1; ) {
      int c = core.codePointAt(i);
      text.appendCodePoint(c);
      i += Character.charCount(c);
      codePoints++;
    }
    for (; codePoints < length; codePoints++) {
      text.append(edge);
    }
    return text.toString();
  }

  /** The JSON string, made not blank by a letter in front. */
  static String notBlank(String quoted) {
    return "\"x" + quoted.substring(1);
  }

  /** Strings that PostgreSQL cannot store in a text column: they hold NUL. */
  static Gen<String> withNul() {
    return Gen.of("\"a\\u0000b\"", "\"\\u0000\"", "{\"k\":\"\\u0000\"}", "[\"x\\u0000\"]");
  }

  /** Any JSON value, sometimes nested deep. */
  static Gen<String> anyJson() {
    return Gen.oneOf(
        scalar(),
        Gen.between(1, 200).map(n -> "[".repeat(n) + "]".repeat(n)),
        Gen.between(1, 200).map(Values::nestedObject),
        Gen.of("{}", "[]", "{\"a\":[1,{\"b\":null}]}"));
  }

  /**
   * Values of a JSON type other than the given one that JSON-B must refuse for it: Yasson reads
   * numbers and booleans into String fields and numeric strings into number fields, so those are
   * not offered (null neither: it means "absent").
   */
  static Gen<String> wrongType(Type type) {
    var arrays = Gen.of("[]", "[1,\"a\"]", "[[[[[]]]]]");
    var objects = Gen.between(1, 50).map(Values::nestedObject);
    var words = text(0, 12).filter(s -> !s.matches("\"[-+0-9.eE ]*\""));
    var numbers = Gen.of("0", "-1", "3.25", "1e400", "-0");
    var booleans = Gen.of("true", "false");
    return switch (type) {
      case STRING, BOOLEAN -> Gen.oneOf(arrays, objects);
      case NUMBER -> Gen.oneOf(words, arrays, objects);
      case ARRAY -> Gen.oneOf(words, numbers, booleans, objects);
      case OBJECT -> Gen.oneOf(words, numbers, booleans, arrays);
    };
  }

  private static Gen<String> scalar() {
    return Gen.oneOf(
        text(0, 40),
        Gen.of(
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
