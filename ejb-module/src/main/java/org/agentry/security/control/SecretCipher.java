package org.agentry.security.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage with AES-256-GCM (NIST SP 800-38D) from the JDK's {@code javax.crypto}:
 * a fresh 96-bit random nonce per value and a 128-bit tag. A sealed value is text, {@code
 * sealed:v1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>}, where the key id is the first 8 hex
 * digits of the SHA-256 of the key (it names the key without revealing it). The header and a
 * caller's context string (e.g. {@code provider:openai:apiKey}) are authenticated as associated
 * data, so a value copied to another row or altered does not open.
 *
 * <p>One current key seals; it and any previous keys open, which is what lets a key be rotated. A
 * stored value without the {@code sealed:} prefix is clear text from before sealing, and {@link
 * #open} returns it as it is.
 */
public final class SecretCipher {

  /** The length of a key: 32 bytes (AES-256). */
  public static final int KEY_BYTES = 32;

  static final String PREFIX = "sealed:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

  /**
   * A cipher sealing with {@code current} and opening with it and {@code previous}.
   *
   * @param current the key to seal with, {@value #KEY_BYTES} bytes
   * @param previous keys still accepted for opening, each {@value #KEY_BYTES} bytes
   * @throws IllegalArgumentException if a key has another length
   */
  public SecretCipher(byte[] current, List<byte[]> previous) {
    currentId = add(current);
    previous.forEach(this::add);
  }

  /**
   * Decodes a key given as standard Base64 of {@value #KEY_BYTES} bytes (e.g. {@code openssl rand
   * -base64 32}).
   *
   * @param base64 the encoded key
   * @param source names where it came from, for the message; the key itself is never in it
   * @throws IllegalArgumentException if it is not Base64 or not {@value #KEY_BYTES} bytes
   */
  public static byte[] decodeKey(String base64, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " is not valid Base64", null);
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          source + " must be the Base64 of " + KEY_BYTES + " bytes, was " + key.length + " bytes");
    }
    return key;
  }

  /** A new random key, as standard Base64 of {@value #KEY_BYTES} bytes. */
  public static String generateKey() {
    var key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** The id of the current key: 8 hex digits, safe to log. */
  public String currentKeyId() {
    return currentId;
  }

  /**
   * Seals a secret with the current key.
   *
   * @param plaintext the secret
   * @param context what the secret belongs to; the same string must be given to {@link #open}
   * @return the sealed form, about 4/3 of the secret's UTF-8 length plus 48 characters
   */
  public String seal(String plaintext, String context) {
    var nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    var header = PREFIX + currentId + ":";
    try {
      var cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), nonce, header, context);
      var sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      var body = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return header + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /**
   * Opens a stored value: a sealed one with the key its id names, clear text as it is.
   *
   * @param stored the stored value
   * @param context the context it was sealed with
   * @throws SecretUnreadableException if it names a key not configured, or was altered, or was
   *     sealed for another context
   */
  public String open(String stored, String context) {
    if (!isSealed(stored)) {
      return stored;
    }
    var rest = stored.substring(PREFIX.length());
    int colon = rest.indexOf(':');
    var keyId = colon < 0 ? "" : rest.substring(0, colon);
    var key = keys.get(keyId);
    if (key == null) {
      throw new SecretUnreadableException(
          "sealed with key id '" + keyId + "', which is neither the current nor a previous key");
    }
    try {
      var body = Base64.getUrlDecoder().decode(rest.substring(colon + 1));
      var nonce = java.util.Arrays.copyOf(body, NONCE_BYTES);
      var header = PREFIX + keyId + ":";
      var cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, header, context);
      var plain = cipher.doFinal(body, NONCE_BYTES, body.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SecretUnreadableException(
          "the value sealed with key id '" + keyId + "' fails its integrity check");
    }
  }

  /** Whether a stored value is sealed (rather than clear text from before sealing). */
  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** Whether a stored value is sealed with the current key, so needs no resealing. */
  public boolean isCurrent(String stored) {
    return isSealed(stored) && stored.startsWith(PREFIX + currentId + ":");
  }

  private String add(byte[] key) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a key must be " + KEY_BYTES + " bytes");
    }
    var id = keyId(key);
    keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
    return id;
  }

  static String keyId(byte[] key) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  private static Cipher cipher(
      int mode, SecretKeySpec key, byte[] nonce, String header, String context)
      throws GeneralSecurityException {
    var cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD((header + "\n" + context).getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
