package org.agentry.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens: 32 random bytes, URL-safe Base64 without padding, behind the prefix {@value
 * #PREFIX}. Tokens are stored only as SHA-256 hex digests; with 256 bits of entropy an unsalted
 * digest cannot be reversed by guessing, and lets a key be found by its hash in one lookup.
 */
public final class Tokens {

  /** Marks a string as an Agentry token, so that leaked ones are easy to spot and scan for. */
  public static final String PREFIX = "agentry_";

  /** How many characters of a token are kept in the clear to tell keys apart. */
  public static final int DISPLAY_PREFIX_LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** A new random token, e.g. {@code agentry_Qm9…} (51 characters). */
  public static String generate() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SHA-256 digest of a token as 64 lower-case hex characters. */
  public static String hash(String token) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /** The token's first {@value #DISPLAY_PREFIX_LENGTH} characters, safe to show. */
  public static String displayPrefix(String token) {
    return token.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, token.length()));
  }

  /** Compares two digests in time independent of where they differ. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
