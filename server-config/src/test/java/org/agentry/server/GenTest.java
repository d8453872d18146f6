package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GenTest {

  private static List<String> draw(Gen<String> gen, long seed, int count) {
    var random = new Random(seed);
    var out = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      out.add(gen.next(random));
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameValues() {
    Gen<String> gen =
        Gen.oneOf(Gen.strings(0, 50), Gen.between(-5, 5).map(String::valueOf), Values.anyJson());
    assertEquals(draw(gen, 7, 500), draw(gen, 7, 500));
    assertTrue(!draw(gen, 7, 500).equals(draw(gen, 8, 500)), "another seed, other values");
    assertArrayEquals(Gen.bytes(50).next(new Random(3)), Gen.bytes(50).next(new Random(3)));
  }

  @Test
  void stringsHoldEveryKindOfCodeUnitWithinTheirLengths() {
    var all = String.join("", draw(Gen.strings(0, 30), 1, 2_000));
    assertTrue(all.chars().anyMatch(c -> c == 0), "NUL");
    assertTrue(all.chars().anyMatch(c -> c > 0 && c < 0x20), "controls");
    assertTrue(all.chars().anyMatch(c -> c >= 0x80 && c <= 0xFF), "Latin-1");
    assertTrue(all.chars().anyMatch(c -> c == 0xFFFE || c == 0xFFFF), "noncharacters");
    assertTrue(all.codePoints().anyMatch(c -> c >= 0x10000), "supplementary pairs");
    assertTrue(all.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF), "lone surrogates");
    for (var text : draw(Gen.strings(3, 7), 2, 500)) {
      assertTrue(text.length() >= 3 && text.length() <= 7, text);
    }
    for (var text : draw(Gen.strings('a', 'c', 1, 5), 3, 200)) {
      assertTrue(text.matches("[a-c]{1,5}"), text);
    }
  }

  @Test
  void betweenStaysInItsRangeAndReachesBothEnds() {
    var seen = draw(Gen.between(Integer.MIN_VALUE, Integer.MAX_VALUE).map(String::valueOf), 4, 200);
    assertTrue(seen.contains(String.valueOf(Integer.MIN_VALUE)));
    assertTrue(seen.contains(String.valueOf(Integer.MAX_VALUE)));
    for (var n : draw(Gen.between(-3, 4).map(String::valueOf), 5, 500)) {
      int value = Integer.parseInt(n);
      assertTrue(value >= -3 && value <= 4, n);
    }
  }

  @Test
  void weightedChoiceFollowsTheWeights() {
    Gen<String> gen = Gen.weighted(Map.entry(9, Gen.just("a")), Map.entry(1, Gen.just("b")));
    long a = draw(gen, 6, 10_000).stream().filter("a"::equals).count();
    assertTrue(a > 8_700 && a < 9_300, "about 9 in 10: " + a);
  }

  @Test
  void aFilterThatNothingPassesFails() {
    var never = Gen.just("x").filter(s -> false);
    assertThrows(IllegalStateException.class, () -> never.next(new Random(1)));
  }
}
