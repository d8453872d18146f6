package org.agentry.usage.rest;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.agentry.usage.boundary.UsageReports;
import org.agentry.usage.entity.UsageRecord;

/** Writes usage records as CSV (RFC 4180), a page of 1000 at a time. */
public final class CsvExport implements StreamingOutput {

  static final String HEADER =
      "id,createdAt,provider,model,agent,sessionId,taskId,promptTokens,completionTokens,costUsd,latencyMs";

  private final UsageReports reports;
  private final UsageReports.Filter filter;

  CsvExport(UsageReports reports, UsageReports.Filter filter) {
    this.reports = reports;
    this.filter = filter;
  }

  @Override
  public void write(OutputStream output) throws IOException {
    var out = new OutputStreamWriter(output, StandardCharsets.UTF_8);
    out.write(HEADER + "\r\n");
    UsageRecord last = null;
    while (true) {
      var page =
          reports.page(
              filter,
              last == null ? null : last.getCreatedAt(),
              last == null ? null : last.getId(),
              1000);
      for (var u : page) {
        out.write(line(u));
      }
      if (page.size() < 1000) {
        break;
      }
      last = page.get(page.size() - 1);
    }
    out.flush();
  }

  static String line(UsageRecord u) {
    return String.join(
            ",",
            u.getId(),
            u.getCreatedAt().toString(),
            field(u.getProvider()),
            field(u.getModel()),
            field(u.getAgent()),
            u.getSessionId() == null ? "" : u.getSessionId(),
            u.getTaskId() == null ? "" : u.getTaskId(),
            Integer.toString(u.getPromptTokens()),
            Integer.toString(u.getCompletionTokens()),
            u.getCostUsd().stripTrailingZeros().toPlainString(),
            Long.toString(u.getLatencyMs()))
        + "\r\n";
  }

  /**
   * A text field as a cell: one that a spreadsheet would take for a formula (starting with {@code
   * =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading {@code '}, as
   * OWASP's CSV injection guidance says; a field holding a comma, quote or line break is quoted
   * (RFC 4180, section 2).
   */
  public static String field(String raw) {
    var value = raw.isEmpty() || "=+-@\t\r".indexOf(raw.charAt(0)) < 0 ? raw : "'" + raw;
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
