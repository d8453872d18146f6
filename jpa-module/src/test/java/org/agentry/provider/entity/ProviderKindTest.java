package org.agentry.provider.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProviderKindTest {

  @Test
  void readsApiNames() {
    assertEquals("anthropic", ProviderKind.ANTHROPIC.apiName());
    assertEquals(ProviderKind.OLLAMA, ProviderKind.fromApiName("ollama"));
    assertEquals(ProviderKind.OPENAI, ProviderKind.fromApiName(" OpenAI "));
  }

  @Test
  void listsValidNamesWhenUnknown() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProviderKind.fromApiName("gemini"));

    assertEquals("'kind' must be one of openai, ollama, anthropic, scripted", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ProviderKind.fromApiName(null));
  }
}
