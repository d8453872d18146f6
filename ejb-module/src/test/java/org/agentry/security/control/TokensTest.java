package org.agentry.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void generatesPrefixedUrlSafeTokensOf256Bits() {
    var token = Tokens.generate();
    assertTrue(token.startsWith("agentry_"));
    assertEquals(8 + 43, token.length());
    assertTrue(token.substring(8).matches("[A-Za-z0-9_-]+"));
    assertNotEquals(token, Tokens.generate());
  }

  @Test
  void hashesToSha256Hex() {
    // SHA-256("abc") from FIPS 180-2, appendix B.1
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
  }

  @Test
  void comparesHashes() {
    assertTrue(Tokens.sameHash(Tokens.hash("a"), Tokens.hash("a")));
    assertFalse(Tokens.sameHash(Tokens.hash("a"), Tokens.hash("b")));
  }

  @Test
  void displayPrefixKeepsTwelveCharacters() {
    assertEquals("agentry_abcd", Tokens.displayPrefix("agentry_abcdefgh"));
  }
}
