package org.agentry.server;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of test values: a function of one {@link Random}, so that a seeded random gives the
 * same values in the same order on every run. The static methods build the few kinds the fuzz test
 * needs (one of a list, one of several generators, weighted choice, integers in a range, strings of
 * any UTF-16 code unit or of a character range, byte arrays); {@link #map} and {@link #filter}
 * derive new ones.
 *
 * @param <T> the values' type
 */
@FunctionalInterface
interface Gen<T> {

  /** How often {@link #filter} draws before it gives up. */
  int FILTER_TRIES = 10_000;

  /** The next value, drawn from the random only. */
  T next(Random random);

  /** This generator's values, transformed. */
  default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
    return random -> mapper.apply(next(random));
  }

  /**
   * This generator's values that pass the test; draws again for those that do not.
   *
   * @throws IllegalStateException from {@link #next} when {@value #FILTER_TRIES} draws in a row
   *     fail the test
   */
  default Gen<T> filter(Predicate<? super T> keep) {
    return random -> {
      for (int i = 0; i < FILTER_TRIES; i++) {
        var value = next(random);
        if (keep.test(value)) {
          return value;
        }
      }
      throw new IllegalStateException("no value passed the filter in " + FILTER_TRIES + " draws");
    };
  }

  /** Always the value (which may be null). */
  static <T> Gen<T> just(T value) {
    return random -> value;
  }

  /** One of the values, each as likely. */
  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    return of(List.of(values));
  }

  /** One of the values (not empty), each as likely. */
  static <T> Gen<T> of(List<T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("nothing to pick from");
    }
    var copy = List.copyOf(values);
    return random -> copy.get(random.nextInt(copy.size()));
  }

  /** A value of one of the generators, each generator as likely. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
    var copy = List.of(generators);
    return random -> copy.get(random.nextInt(copy.size())).next(random);
  }

  /**
   * A value of one of the generators, each chosen in proportion to its weight (the entry's key, at
   * least 1).
   */
  @SafeVarargs
  static <T> Gen<T> weighted(Map.Entry<Integer, Gen<? extends T>>... choices) {
    var copy = List.of(choices);
    int total = copy.stream().mapToInt(Map.Entry::getKey).sum();
    if (copy.stream().anyMatch(c -> c.getKey() < 1)) {
      throw new IllegalArgumentException("weights are at least 1");
    }
    return random -> {
      int pick = random.nextInt(total);
      for (var choice : copy) {
        pick -= choice.getKey();
        if (pick < 0) {
          return choice.getValue().next(random);
        }
      }
      throw new AssertionError("weights add up to " + total);
    };
  }

  /** An int from min to max, both included; the ends come up more often than the middle. */
  static Gen<Integer> between(int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException(min + " > " + max);
    }
    return random -> {
      int edge = random.nextInt(10);
      if (edge == 0) {
        return min;
      }
      if (edge == 1) {
        return max;
      }
      return (int) (min + (long) (random.nextDouble() * ((long) max - min + 1)));
    };
  }

  /**
   * Strings of min to max UTF-16 code units of any kind: ASCII controls and NUL, printable ASCII,
   * Latin-1, the rest of the Basic Multilingual Plane, lone surrogates of either half,
   * noncharacters (U+FFFE, U+FFFF) and well-formed supplementary pairs (a pair counts two).
   */
  static Gen<String> strings(int min, int max) {
    return text(min, max, Gen::anyChar);
  }

  /** Strings of min to max characters from {@code first} to {@code last}, both included. */
  static Gen<String> strings(char first, char last, int min, int max) {
    return text(
        min, max, (random, out) -> out.append((char) (first + random.nextInt(last - first + 1))));
  }

  /** One UTF-16 code unit of any kind (as in {@link #strings(int, int)}; no pairs). */
  static Gen<Character> chars() {
    return random -> {
      var out = new StringBuilder(2);
      do {
        out.setLength(0);
        anyChar(random, out);
      } while (out.length() != 1);
      return out.charAt(0);
    };
  }

  /** Byte arrays of 0 to max bytes, each byte any of the 256. */
  static Gen<byte[]> bytes(int max) {
    return random -> {
      var out = new byte[between(0, max).next(random)];
      random.nextBytes(out);
      return out;
    };
  }

  private static Gen<String> text(int min, int max, CharSource source) {
    var lengths = between(min, max);
    return random -> {
      int length = lengths.next(random);
      var out = new StringBuilder(length + 1);
      while (out.length() < length) {
        source.append(random, out);
      }
      out.setLength(length);
      return out.toString();
    };
  }

  private static void anyChar(Random random, StringBuilder out) {
    switch (random.nextInt(8)) {
      case 0 -> out.append((char) random.nextInt(0x20));
      case 1, 2 -> out.append((char) (0x20 + random.nextInt(0x5F)));
      case 3 -> out.append((char) (0x7F + random.nextInt(0x81)));
      case 4 -> out.append((char) (0x100 + random.nextInt(0xD800 - 0x100)));
      case 5 -> out.append((char) (0xD800 + random.nextInt(0x800)));
      case 6 -> out.append(random.nextBoolean() ? '\uFFFE' : '\uFFFF');
      default -> out.appendCodePoint(0x10000 + random.nextInt(0x100000));
    }
  }

  /** Appends one or two code units. */
  @FunctionalInterface
  interface CharSource {
    void append(Random random, StringBuilder out);
  }
}
