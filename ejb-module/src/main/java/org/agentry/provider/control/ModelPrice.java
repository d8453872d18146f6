package org.agentry.provider.control;

import java.math.BigDecimal;

/**
 * What one model costs, in USD per million tokens.
 *
 * @param inputPerMillion USD per 1,000,000 prompt tokens, ≥ 0
 * @param outputPerMillion USD per 1,000,000 completion tokens, ≥ 0
 */
public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

  /**
   * Checks the prices.
   *
   * @throws IllegalArgumentException if a price is missing or negative
   */
  public ModelPrice {
    check("inputPerMillion", inputPerMillion);
    check("outputPerMillion", outputPerMillion);
  }

  private static void check(String name, BigDecimal price) {
    if (price == null || price.signum() < 0) {
      throw new IllegalArgumentException(name + " must be a number ≥ 0, was " + price);
    }
  }
}
