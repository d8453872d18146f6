package org.agentry.tool.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Cuts a tool's output to what the model may get. */
public final class ToolOutput {

  private ToolOutput() {}

  /**
   * The text cut to at most {@code maxBytes} bytes of UTF-8, on a character boundary (never inside
   * a multi-byte sequence or between the two halves of a surrogate pair), with a note appended that
   * says so and how many bytes were dropped: {@code \n[output cut: 8192 of 40960 bytes dropped]}.
   * The note is not counted in {@code maxBytes}. Text that fits comes back unchanged.
   *
   * @param text the output, or null
   * @param maxBytes positive
   */
  public static String cut(String text, int maxBytes) {
    if (text == null || text.length() * 3L <= maxBytes) {
      return text;
    }
    int total = utf8Length(text);
    if (total <= maxBytes) {
      return text;
    }
    var kept = ByteBuffer.allocate(maxBytes);
    // the encoder stops before a character that would not fit whole
    StandardCharsets.UTF_8
        .newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .encode(CharBuffer.wrap(text), kept, true);
    kept.flip();
    var head = StandardCharsets.UTF_8.decode(kept).toString();
    int dropped = total - kept.limit();
    return head + "\n[output cut: " + dropped + " of " + total + " bytes dropped]";
  }

  /**
   * The length of the text in UTF-8 bytes, as {@link String#getBytes} would encode it (a lone
   * surrogate becomes {@code ?}, one byte).
   */
  static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes += 1;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
