package org.agentry.provider.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.agentry.provider.entity.ProviderKind;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

  @Test
  void defaultsTheBaseUrlPerKind() {
    assertEquals("https://api.openai.com/v1", settings(ProviderKind.OPENAI, null, null).baseUrl());
    assertEquals("http://localhost:11434", settings(ProviderKind.OLLAMA, " ", null).baseUrl());
    assertEquals(
        "https://api.anthropic.com/v1", settings(ProviderKind.ANTHROPIC, null, "key").baseUrl());
    assertNull(settings(ProviderKind.SCRIPTED, "http://ignored", null).baseUrl());
  }

  @Test
  void normalisesValues() {
    ProviderSettings s = settings(ProviderKind.OPENAI, "http://localhost:8000/v1/", " ");

    assertEquals("http://localhost:8000/v1", s.baseUrl());
    assertNull(s.apiKey());
    assertEquals(ProviderSettings.DEFAULT_TIMEOUT, s.timeout());
  }

  @Test
  void neverPrintsTheApiKey() {
    String text = settings(ProviderKind.OPENAI, null, "sk-very-secret").toString();

    assertFalse(text.contains("sk-very-secret"), text);
    assertTrue(text.contains("apiKey=(set)"), text);
  }

  @Test
  void rejectsBadSettingsSayingWhy() {
    assertRejected(() -> settings(null, null, null), "kind is required");
    assertRejected(() -> settings(ProviderKind.OPENAI, "ftp://host", null), "http or https");
    assertRejected(() -> settings(ProviderKind.OPENAI, "not a url", null), "not a valid URL");
    assertRejected(
        () -> settings(ProviderKind.OPENAI, "https://user:pw@host/v1", null), "credentials");
    assertRejected(() -> settings(ProviderKind.ANTHROPIC, null, null), "apiKey is required");
    assertRejected(
        () -> new ProviderSettings(ProviderKind.OPENAI, null, null, Duration.ZERO, 0, null),
        "timeout must be positive");
    assertRejected(
        () -> new ProviderSettings(ProviderKind.OPENAI, null, null, null, -1, null),
        "maxRetries must be between 0 and 10");
    assertRejected(
        () ->
            new ProviderSettings(
                ProviderKind.OPENAI, null, null, null, 0, ScriptedChatModelTest.array("[]")),
        "only valid for provider kind scripted");
    assertRejected(
        () -> ProviderSettings.scripted(ScriptedChatModelTest.array("[{}]")), "scriptedTurns[0]");
  }

  private static ProviderSettings settings(ProviderKind kind, String baseUrl, String apiKey) {
    return new ProviderSettings(kind, baseUrl, apiKey, null, 2, null);
  }

  private static void assertRejected(Runnable creation, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, creation::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
