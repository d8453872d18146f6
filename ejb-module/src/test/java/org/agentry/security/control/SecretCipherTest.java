package org.agentry.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static final String CONTEXT = "provider:openai:apiKey";
  private static final String SECRET = "sk-proj-canary-Ünïcode-1234567890";

  private final byte[] key = Base64.getDecoder().decode(SecretCipher.generateKey());
  private final byte[] otherKey = Base64.getDecoder().decode(SecretCipher.generateKey());
  private final SecretCipher cipher = new SecretCipher(key, List.of());

  @Test
  void sealsAndOpensARoundTripWithoutTheSecretInClear() {
    var sealed = cipher.seal(SECRET, CONTEXT);

    assertTrue(sealed.startsWith("sealed:v1:" + cipher.currentKeyId() + ":"), sealed);
    assertFalse(sealed.contains("canary"), sealed);
    assertEquals(SECRET, cipher.open(sealed, CONTEXT));
    assertTrue(cipher.isCurrent(sealed));
  }

  @Test
  void eachSealUsesAFreshNonce() {
    assertNotEquals(cipher.seal(SECRET, CONTEXT), cipher.seal(SECRET, CONTEXT));
  }

  @Test
  void anAlteredValueDoesNotOpen() {
    var sealed = cipher.seal(SECRET, CONTEXT);
    int last = sealed.length() - 1;
    var flipped = sealed.substring(0, last) + (sealed.charAt(last) == 'A' ? 'B' : 'A');
    var body = sealed.substring(sealed.lastIndexOf(':') + 1);
    var middle = sealed.replace(body, body.substring(0, 20) + "x" + body.substring(21));

    assertThrows(SecretUnreadableException.class, () -> cipher.open(flipped, CONTEXT));
    assertThrows(SecretUnreadableException.class, () -> cipher.open(middle, CONTEXT));
    assertThrows(SecretUnreadableException.class, () -> cipher.open(sealed + "AA", CONTEXT));
    assertThrows(
        SecretUnreadableException.class,
        () -> cipher.open("sealed:v1:" + cipher.currentKeyId() + ":", CONTEXT));
  }

  @Test
  void aValueSealedForAnotherContextDoesNotOpen() {
    var sealed = cipher.seal(SECRET, CONTEXT);

    assertThrows(
        SecretUnreadableException.class, () -> cipher.open(sealed, "provider:other:apiKey"));
  }

  @Test
  void theWrongKeyDoesNotOpenAndTheMessageShowsNoKey() {
    var sealed = cipher.seal(SECRET, CONTEXT);
    var stranger = new SecretCipher(otherKey, List.of());

    var error = assertThrows(SecretUnreadableException.class, () -> stranger.open(sealed, CONTEXT));
    assertTrue(error.getMessage().contains(cipher.currentKeyId()), error.getMessage());
    assertFalse(error.getMessage().contains(Base64.getEncoder().encodeToString(key)));
    assertFalse(error.getMessage().contains(SECRET));
  }

  @Test
  void aKeyWithTheSameIdButOtherBytesFailsTheIntegrityCheck() {
    var sealed = cipher.seal(SECRET, CONTEXT);
    var forged =
        sealed.replace(cipher.currentKeyId(), new SecretCipher(otherKey, List.of()).currentKeyId());
    var stranger = new SecretCipher(otherKey, List.of());

    assertThrows(SecretUnreadableException.class, () -> stranger.open(forged, CONTEXT));
  }

  @Test
  void rotationOpensWithThePreviousKeyAndSealsWithTheNewOne() {
    var old = cipher.seal(SECRET, CONTEXT);
    var rotated = new SecretCipher(otherKey, List.of(key));

    assertFalse(rotated.isCurrent(old));
    assertEquals(SECRET, rotated.open(old, CONTEXT));
    var resealed = rotated.seal(rotated.open(old, CONTEXT), CONTEXT);
    assertTrue(rotated.isCurrent(resealed));
    assertEquals(SECRET, new SecretCipher(otherKey, List.of()).open(resealed, CONTEXT));
    assertThrows(SecretUnreadableException.class, () -> cipher.open(resealed, CONTEXT));
  }

  @Test
  void clearTextFromBeforeSealingOpensAsItIsAndIsNotCurrent() {
    assertEquals("sk-legacy", cipher.open("sk-legacy", CONTEXT));
    assertFalse(cipher.isCurrent("sk-legacy"));
    assertFalse(SecretCipher.isSealed("sk-legacy"));
  }

  @Test
  void keysMustBeBase64Of32BytesAndMessagesNeverShowThem() {
    var notBase64 = "not base64 !!! secret-material";
    var shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    var bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> SecretCipher.decodeKey(notBase64, "AGENTRY_SECRET_KEY"));
    var wrongLength =
        assertThrows(
            IllegalArgumentException.class,
            () -> SecretCipher.decodeKey(shortKey, "AGENTRY_SECRET_KEY"));

    assertTrue(bad.getMessage().contains("AGENTRY_SECRET_KEY"));
    assertFalse(bad.getMessage().contains("secret-material"));
    assertTrue(wrongLength.getMessage().contains("32 bytes"));
    assertFalse(wrongLength.getMessage().contains(shortKey));
    assertEquals(32, SecretCipher.decodeKey(" " + SecretCipher.generateKey() + "\n", "k").length);
    assertThrows(IllegalArgumentException.class, () -> new SecretCipher(new byte[31], List.of()));
  }
}
