package org.agentry.provider.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.provider.entity.Provider;
import org.agentry.provider.entity.ProviderKind;
import org.agentry.provider.entity.ProviderSpec;
import org.agentry.security.control.SecretCipher;
import org.agentry.security.control.SecretKeys;
import org.junit.jupiter.api.Test;

class ProviderKeysTest {

  private static final String KEY = "sk-test-" + System.nanoTime();

  private final byte[] oldKey = Base64.getDecoder().decode(SecretCipher.generateKey());
  private final byte[] newKey = Base64.getDecoder().decode(SecretCipher.generateKey());
  private final ProviderKeys keys = keys(oldKey);

  @Test
  void storesKeysSealedAndOpensThemForCalls() {
    var provider = openai("a", keys.seal("a", KEY));

    assertFalse(provider.sealedApiKey().contains(KEY));
    assertEquals(KEY, keys.open(provider));
    assertEquals(KEY, keys.settings(provider).apiKey());
  }

  @Test
  void keepsNullAndEmptyAsTheirMeaningsAndRefusesOverlongKeys() {
    assertNull(keys.seal("a", null));
    assertEquals("", keys.seal("a", ""));
    assertThrows(InvalidInputException.class, () -> keys.seal("a", "k".repeat(4097)));
    assertTrue(keys.seal("a", "k".repeat(4096)).length() <= Provider.MAX_SEALED_LENGTH);
  }

  @Test
  void aKeyMovedToAnotherProviderDoesNotOpen() {
    var moved = openai("b", keys.seal("a", KEY));

    var error = assertThrows(IllegalArgumentException.class, () -> keys.open(moved));
    assertFalse(error.getMessage().contains(KEY));
  }

  @Test
  void clearTextAndOldKeysAreResealedWithTheCurrentKeyOnly() {
    var rotated = keys(newKey, oldKey);
    var legacy = openai("a", KEY);
    var old = openai("b", keys.seal("b", KEY));

    var resealedLegacy = rotated.resealed(legacy).orElseThrow();
    var resealedOld = rotated.resealed(old).orElseThrow();

    assertEquals(KEY, keys(newKey).open(openai("a", resealedLegacy)));
    assertEquals(KEY, keys(newKey).open(openai("b", resealedOld)));
    assertTrue(rotated.resealed(openai("b", resealedOld)).isEmpty());
    assertTrue(rotated.resealed(openai("c", null)).isEmpty());
  }

  private static ProviderKeys keys(byte[] current, byte[]... previous) {
    return new ProviderKeys(SecretKeys.fixed(new SecretCipher(current, List.of(previous))));
  }

  private static Provider openai(String name, String storedKey) {
    var spec = new ProviderSpec(ProviderKind.OPENAI, null, 1000, 0, "{}", null);
    return new Provider("default", name, spec, storedKey, Instant.EPOCH);
  }
}
