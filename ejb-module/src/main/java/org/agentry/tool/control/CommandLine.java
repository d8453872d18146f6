package org.agentry.tool.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into the words of a program's argument vector, without a shell: words are
 * separated by spaces or tabs; a word may be quoted with {@code '…'} or {@code "…"} to hold spaces
 * (the quotes are removed, nothing inside is special). Nothing is expanded: no variables, globs,
 * {@code ~}, command substitution, pipes or redirections. So that the model never mistakes this for
 * a shell, a line holding {@code ; | & $ ` > <}, a backslash or a line break anywhere — even inside
 * quotes — is refused rather than taken literally.
 */
final class CommandLine {

  /** The characters refused anywhere in a command line. */
  static final String REFUSED = ";|&$`><\\\n\r";

  private CommandLine() {}

  /**
   * The words of the line, e.g. {@code git log -n 3 "--format=%h %s"} gives {@code [git, log, -n,
   * 3, --format=%h %s]}.
   *
   * @throws ToolException if the line is blank, holds a refused character, or leaves a quote open
   */
  static List<String> parse(String line) throws ToolException {
    for (char c : line.toCharArray()) {
      if (REFUSED.indexOf(c) >= 0) {
        throw new ToolException(
            "the command holds '"
                + (c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c))
                + "'; there is no shell: give one program and its arguments, without ; | & $ ` > <"
                + " \\ or line breaks");
      }
    }
    var words = new ArrayList<String>();
    var word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ' ' || c == '\t') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new ToolException("the command leaves a " + quote + " quote open");
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (words.isEmpty()) {
      throw new ToolException("the command is empty");
    }
    return List.copyOf(words);
  }
}
