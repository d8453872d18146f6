package org.agentry.cli;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes results as {@code json} (the API's JSON, pretty-printed) or as a {@code table}: lists as
 * aligned columns, one object as {@code member value} lines.
 */
final class Printer {

  /** The output formats of {@code --output}. */
  enum Format {
    json,
    table
  }

  /** One table column: its header and how to get the cell from an item. */
  record Column<T>(String header, Function<T, Object> cell) {}

  static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));
  private static final Jsonb COMPACT = JsonbBuilder.create();

  private final PrintWriter out;
  private final Format format;

  Printer(PrintWriter out, Format format) {
    this.out = out;
    this.format = format;
  }

  Format format() {
    return format;
  }

  /** One object; in a table, a record's non-null members in declaration order. */
  void object(Object value) {
    if (format == Format.json || !(value instanceof Record record)) {
      out.println(JSONB.toJson(value).strip());
    } else {
      var members = new ArrayList<String[]>();
      for (var component : record.getClass().getRecordComponents()) {
        var member = member(record, component);
        if (member != null) {
          members.add(new String[] {component.getName(), cell(member)});
        }
      }
      int width = members.stream().mapToInt(m -> m[0].length()).max().orElse(0);
      members.forEach(m -> out.printf("%-" + width + "s  %s%n", m[0], m[1]));
    }
    out.flush();
  }

  /** A list: a JSON array, or a table with these columns. */
  @SafeVarargs
  final <T> void list(List<T> items, Column<T>... columns) {
    if (format == Format.json) {
      out.println(JSONB.toJson(items).strip());
      out.flush();
      return;
    }
    var rows = new ArrayList<String[]>();
    var header = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      header[i] = columns[i].header();
    }
    rows.add(header);
    for (var item : items) {
      var row = new String[columns.length];
      for (int i = 0; i < columns.length; i++) {
        var value = columns[i].cell().apply(item);
        row[i] = value == null ? "" : value.toString();
      }
      rows.add(row);
    }
    table(rows);
  }

  /** One item of a stream: a compact JSON line, or this line of text for a table. */
  void line(Object item, String tableLine) {
    out.println(format == Format.json ? COMPACT.toJson(item) : tableLine);
    out.flush();
  }

  /** Plain text as it is (e.g. CSV or a task's output). */
  void text(String text) {
    out.print(text);
    if (!text.endsWith("\n")) {
      out.println();
    }
    out.flush();
  }

  private void table(List<String[]> rows) {
    var widths = new int[rows.get(0).length];
    for (var row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (var row : rows) {
      var line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  private static Object member(Record record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Text as it is; numbers, instants and booleans as Java writes them; the rest as JSON. */
  private static String cell(Object value) {
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof java.math.BigDecimal amount) {
      return amount.toPlainString();
    }
    if (value instanceof CharSequence
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof java.time.temporal.Temporal) {
      return value.toString();
    }
    return value instanceof JsonValue ? value.toString() : COMPACT.toJson(value);
  }
}
