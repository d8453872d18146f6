package org.agentry.provider.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTableTest {

  private static final PriceTable TABLE =
      PriceTable.parse(
          """
          {"gpt-4o-mini": {"inputPerMillion": 0.15, "outputPerMillion": 0.6},
           "big": {"inputPerMillion": 2.5, "outputPerMillion": 10},
           "tiny": {"inputPerMillion": 0.00005, "outputPerMillion": 0}}
          """);

  @Test
  void pricesCallsExactly() {
    assertEquals(new BigDecimal("0.0004500000"), TABLE.cost("gpt-4o-mini", 1000, 500));
    assertEquals(new BigDecimal("3.0864875000"), TABLE.cost("big", 1_234_567, 7));
    assertEquals(new BigDecimal("0.0000000001"), TABLE.cost("tiny", 1, 0)); // 5e-11 rounds half up
    assertEquals(new BigDecimal("0E-10"), TABLE.cost("tiny", 0, 0));
  }

  @Test
  void unknownModelsCostNothing() {
    assertEquals(new BigDecimal("0.0000000000"), TABLE.cost("gpt-4o-mini-2024-07-18", 1000, 1000));
    assertEquals(new BigDecimal("0.0000000000"), TABLE.cost(null, 1000, 1000));
  }

  @Test
  void rendersAndReadsBackTheSameJson() {
    assertEquals(
        "{\"big\":{\"inputPerMillion\":2.5,\"outputPerMillion\":10},"
            + "\"gpt-4o-mini\":{\"inputPerMillion\":0.15,\"outputPerMillion\":0.6},"
            + "\"tiny\":{\"inputPerMillion\":0.00005,\"outputPerMillion\":0}}",
        TABLE.toJson().toString());
    assertEquals(TABLE, PriceTable.fromJson(TABLE.toJson()));
    assertEquals(new PriceTable(java.util.Map.of()), PriceTable.parse(null));
  }

  @Test
  void rejectsMalformedPrices() {
    assertRejected("{\"m\": {\"inputPerMillion\": 1}}", "price of 'm' needs numbers");
    assertRejected(
        "{\"m\": {\"inputPerMillion\": \"1\", \"outputPerMillion\": 1}}", "price of 'm'");
    assertRejected(
        "{\"m\": {\"inputPerMillion\": -1, \"outputPerMillion\": 1}}", "must be a number ≥ 0");
    assertRejected("[1, 2]", "prices must be a JSON object");
    assertThrows(IllegalArgumentException.class, () -> TABLE.cost("big", -1, 0));
  }

  private static void assertRejected(String json, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PriceTable.parse(json));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
