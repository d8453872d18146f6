package org.agentry.thread.boundary;

import java.util.Objects;
import org.agentry.platform.entity.InvalidInputException;

/**
 * The content of a message sent into a thread, as the text that is stored and that the addressed
 * agent's model reads.
 *
 * @param text the content: plain text, or a JSON document's text; 1 to {@value #MAX_CHARACTERS}
 *     characters, not blank
 * @param mediaType what the text is: {@code text/plain} or {@code application/json} (another kind,
 *     such as XML, can be added without changing the thread's model)
 * @throws InvalidInputException when the text is blank or too long
 */
public record Payload(String text, String mediaType) {

  /** The most characters a payload may have: the limit of a task's input. */
  public static final int MAX_CHARACTERS = 100_000;

  public Payload {
    Objects.requireNonNull(mediaType);
    InvalidInputException.check(
        text != null && !text.isBlank() && text.length() <= MAX_CHARACTERS,
        "'payload' must not be blank, at most " + MAX_CHARACTERS + " characters");
  }
}
