package org.agentry.provider.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The credentials a request carried ({@code Authorization}, {@code x-api-key}, {@code api-key}),
 * and their removal from what came back: some providers quote the key they were sent in their error
 * documents, and those end up in task errors and logs. Masking the exact value works for keys of
 * any shape, which a pattern for key-like strings ({@link ErrorDetail}) cannot promise.
 */
final class Credentials {

  static final String MASK = "[redacted]";
  private static final Set<String> HEADERS = Set.of("authorization", "x-api-key", "api-key");
  private static final int SHORTEST = 4;

  private Credentials() {}

  /** The credential values in request headers, longest first; a scheme's token on its own too. */
  static List<String> of(Map<String, List<String>> headers) {
    var values = new ArrayList<String>();
    headers.forEach(
        (name, list) -> {
          if (HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            for (var value : list) {
              values.add(value);
              int space = value.indexOf(' ');
              if (space > 0) {
                values.add(value.substring(space + 1).trim());
              }
            }
          }
        });
    values.removeIf(v -> v.length() < SHORTEST);
    values.sort(Comparator.comparingInt(String::length).reversed());
    return values;
  }

  /** The text with every occurrence of each credential replaced by {@value #MASK}. */
  static String mask(String text, List<String> credentials) {
    if (text == null) {
      return null;
    }
    var masked = text;
    for (var credential : credentials) {
      masked = masked.replace(credential, MASK);
    }
    return masked;
  }
}
