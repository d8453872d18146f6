package org.agentry.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events from a stream as the HTML Living Standard's "Server-sent events" section
 * parses them: {@code field: value} lines, comments starting with {@code :}, several {@code data}
 * lines joined by newlines, and an event dispatched at each blank line. Only the fields Agentry
 * sends ({@code id}, {@code event}, {@code data}) are kept.
 */
final class SseReader implements AutoCloseable {

  /** One event; {@code id} is null when the event had none. */
  record Event(String id, String name, String data) {}

  private final BufferedReader reader;

  SseReader(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** The next event, or null at the end of the stream. Comments (keepalives) are skipped. */
  Event next() throws IOException {
    String id = null;
    String name = null;
    StringBuilder data = null;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return new Event(id, name == null ? "message" : name, data.toString());
        }
        id = null;
        name = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      var field = colon < 0 ? line : line.substring(0, colon);
      var value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "id" -> id = value;
        case "event" -> name = value;
        case "data" ->
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        default -> {}
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
