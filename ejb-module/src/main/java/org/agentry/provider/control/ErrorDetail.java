package org.agentry.provider.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Pattern;
import org.agentry.platform.entity.Jsons;

/**
 * The human-readable part of a provider's error document, made safe to log: shortened, and with
 * anything that looks like a credential masked. Reads OpenAI's and Anthropic's {@code {"error":
 * {"message": …}}} and Ollama's {@code {"error": "…"}}.
 */
final class ErrorDetail {

  static final int MAX_LENGTH = 200;

  // Key prefixes (OpenAI/Anthropic "sk-…"), bearer tokens and long random-looking runs.
  private static final Pattern SECRET =
      Pattern.compile("(?i)(sk-|bearer\\s+)\\S+|[A-Za-z0-9_\\-]{32,}");

  private static final String[] SPEND_LIMIT_MARKERS = {
    "insufficient_quota", "billing_hard_limit", "credit balance", "spend limit"
  };

  private ErrorDetail() {}

  /** The safe message of an error body, or an empty string if it has none worth showing. */
  static String of(String body) {
    String text = message(body == null ? "" : body.trim());
    String masked = SECRET.matcher(text).replaceAll("[redacted]").replaceAll("\\s+", " ");
    return masked.length() <= MAX_LENGTH ? masked : masked.substring(0, MAX_LENGTH) + "…";
  }

  /** Whether an error body says the account is out of money or quota (OpenAI, Anthropic). */
  static boolean isSpendLimit(String body) {
    String lower = body == null ? "" : body.toLowerCase(Locale.ROOT);
    for (String marker : SPEND_LIMIT_MARKERS) {
      if (lower.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  private static String message(String body) {
    if (!body.startsWith("{")) {
      return body.startsWith("<") ? "" : body; // HTML error pages from proxies say nothing useful
    }
    try (JsonReader reader = Jsons.createReader(new StringReader(body))) {
      JsonValue error = reader.readObject().get("error");
      if (error instanceof JsonString string) {
        return string.getString();
      }
      if (error instanceof JsonObject object && object.get("message") instanceof JsonString m) {
        return m.getString();
      }
      return "";
    } catch (JsonException | ClassCastException e) {
      return "";
    }
  }
}
