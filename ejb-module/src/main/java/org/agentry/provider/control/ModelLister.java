package org.agentry.provider.control;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.agentry.platform.entity.Jsons;
import org.agentry.provider.entity.ProviderKind;

/**
 * Lists the models a provider offers:
 *
 * <ul>
 *   <li>OpenAI-compatible: {@code GET {baseUrl}/models} with bearer auth, names from {@code
 *       data[].id} (OpenAI API reference, "List models");
 *   <li>Ollama: {@code GET {baseUrl}/api/tags}, names from {@code models[].name} (Ollama API, "List
 *       Local Models");
 *   <li>Anthropic: {@code GET {baseUrl}/models?limit=1000} with {@code x-api-key} and {@code
 *       anthropic-version: 2023-06-01}, names from {@code data[].id} (Anthropic API, "List
 *       Models");
 *   <li>scripted: {@code ["scripted"]}.
 * </ul>
 */
public final class ModelLister {

  /** The Anthropic API version sent when listing. */
  public static final String ANTHROPIC_VERSION = "2023-06-01";

  /**
   * The provider's model names, in the provider's order. Not retried.
   *
   * @throws ProviderException classed as in {@link ProviderCaller}, also when the answer is not the
   *     expected JSON (not retriable, status 0)
   */
  public List<String> models(ProviderSettings settings) {
    if (settings.kind() == ProviderKind.SCRIPTED) {
      return List.of("scripted");
    }
    String body = fetch(settings);
    try (JsonReader reader = Jsons.createReader(new StringReader(body))) {
      JsonObject root = reader.readObject();
      return settings.kind() == ProviderKind.OLLAMA
          ? names(root, "models", "name")
          : names(root, "data", "id");
    } catch (JsonException e) {
      throw unexpectedAnswer();
    }
  }

  private static String fetch(ProviderSettings settings) {
    HttpRequest.Builder request = HttpRequest.builder().method(HttpMethod.GET);
    switch (settings.kind()) {
      case OLLAMA -> request.url(settings.baseUrl() + "/api/tags");
      case ANTHROPIC ->
          request
              .url(settings.baseUrl() + "/models?limit=1000")
              .addHeader("x-api-key", settings.apiKey())
              .addHeader("anthropic-version", ANTHROPIC_VERSION);
      default -> request.url(settings.baseUrl() + "/models");
    }
    if (settings.kind() != ProviderKind.ANTHROPIC && settings.apiKey() != null) {
      request.addHeader("Authorization", "Bearer " + settings.apiKey());
    }
    ProviderHttpClient client =
        new ProviderHttpClientBuilder()
            .connectTimeout(settings.timeout())
            .readTimeout(settings.timeout())
            .build();
    try {
      return client.execute(request.build()).body();
    } catch (RuntimeException e) {
      throw ProviderFailures.classify(e, Clock.systemUTC().instant());
    }
  }

  private static List<String> names(JsonObject root, String arrayKey, String nameKey) {
    if (!(root.get(arrayKey) instanceof JsonArray entries)) {
      throw unexpectedAnswer();
    }
    List<String> names = new ArrayList<>();
    for (JsonValue entry : entries) {
      if (!(entry instanceof JsonObject object && object.get(nameKey) instanceof JsonString name)) {
        throw unexpectedAnswer();
      }
      names.add(name.getString());
    }
    return names;
  }

  private static ProviderException unexpectedAnswer() {
    return new ProviderException(
        "provider answered the model list with unexpected JSON", 0, false, null, null);
  }
}
