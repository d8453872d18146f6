package org.agentry.provider.control;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import org.agentry.platform.entity.Jsons;

/**
 * Model prices, kept as JSON such as {@code {"gpt-4o-mini": {"inputPerMillion": 0.15,
 * "outputPerMillion": 0.6}}} (USD per million tokens, as providers publish them).
 *
 * @param prices price per exact model name
 */
public record PriceTable(Map<String, ModelPrice> prices) {

  /** Decimal places of a {@link #cost} in USD. */
  public static final int COST_SCALE = 10;

  /** Copies the map, sorted by model name. */
  public PriceTable {
    prices = Map.copyOf(new TreeMap<>(prices));
  }

  /**
   * Reads a table from JSON text.
   *
   * @param json a JSON object as in the class comment; {@code null} or blank means an empty table
   * @throws IllegalArgumentException if the text is not such a JSON object
   */
  public static PriceTable parse(String json) {
    if (json == null || json.isBlank()) {
      return new PriceTable(Map.of());
    }
    try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
      return fromJson(reader.readObject());
    } catch (JsonException e) {
      throw new IllegalArgumentException("prices must be a JSON object of model prices", e);
    }
  }

  /**
   * Reads a table from JSON.
   *
   * @throws IllegalArgumentException naming the model whose entry is malformed
   */
  public static PriceTable fromJson(JsonObject json) {
    Map<String, ModelPrice> prices = new TreeMap<>();
    json.forEach((model, value) -> prices.put(model, price(model, value)));
    return new PriceTable(prices);
  }

  /** The table as JSON, models in name order, prices as exact decimals. */
  public JsonObject toJson() {
    JsonObjectBuilder json = Jsons.createObjectBuilder();
    new TreeMap<>(prices)
        .forEach(
            (model, price) ->
                json.add(
                    model,
                    Jsons.createObjectBuilder()
                        .add("inputPerMillion", price.inputPerMillion())
                        .add("outputPerMillion", price.outputPerMillion())));
    return json.build();
  }

  /**
   * What a call cost: {@code (promptTokens × input + completionTokens × output) / 1,000,000}.
   *
   * @param model the exact model name; an unknown model costs zero
   * @param promptTokens prompt tokens, ≥ 0
   * @param completionTokens completion tokens, ≥ 0
   * @return USD with {@value #COST_SCALE} decimal places, rounded half-up
   * @throws IllegalArgumentException if a token count is negative
   */
  public BigDecimal cost(String model, int promptTokens, int completionTokens) {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts must be ≥ 0");
    }
    ModelPrice price = model == null ? null : prices.get(model);
    if (price == null) {
      return BigDecimal.ZERO.setScale(COST_SCALE);
    }
    return price
        .inputPerMillion()
        .multiply(BigDecimal.valueOf(promptTokens))
        .add(price.outputPerMillion().multiply(BigDecimal.valueOf(completionTokens)))
        .movePointLeft(6)
        .setScale(COST_SCALE, RoundingMode.HALF_UP);
  }

  private static ModelPrice price(String model, JsonValue value) {
    if (!(value instanceof JsonObject entry)
        || !(entry.get("inputPerMillion") instanceof JsonNumber input)
        || !(entry.get("outputPerMillion") instanceof JsonNumber output)) {
      throw new IllegalArgumentException(
          "price of '" + model + "' needs numbers inputPerMillion and outputPerMillion");
    }
    try {
      return new ModelPrice(input.bigDecimalValue(), output.bigDecimalValue());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("price of '" + model + "': " + e.getMessage(), e);
    }
  }
}
