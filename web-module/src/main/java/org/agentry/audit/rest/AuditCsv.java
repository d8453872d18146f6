package org.agentry.audit.rest;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.agentry.audit.boundary.AuditEvents;
import org.agentry.audit.entity.AuditEvent;
import org.agentry.usage.rest.CsvExport;

/** Writes audit rows as CSV (RFC 4180), newest first, a page of 1000 at a time. */
final class AuditCsv implements StreamingOutput {

  static final String HEADER =
      "id,at,actor,authMethod,keyPrefix,tenant,action,resourceType,resourceId,clientAddress,outcome,detail";

  private static final int PAGE = 1000;

  private final AuditEvents events;
  private final AuditEvents.Filter filter;

  AuditCsv(AuditEvents events, AuditEvents.Filter filter) {
    this.events = events;
    this.filter = filter;
  }

  @Override
  public void write(OutputStream output) throws IOException {
    var out = new OutputStreamWriter(output, StandardCharsets.UTF_8);
    out.write(HEADER + "\r\n");
    AuditEvents.Cursor after = null;
    while (true) {
      var page = events.page(filter, after, PAGE);
      for (var e : page) {
        out.write(line(e));
      }
      if (page.size() < PAGE) {
        break;
      }
      var last = page.get(page.size() - 1);
      after = new AuditEvents.Cursor(last.getAt(), last.getId());
    }
    out.flush();
  }

  static String line(AuditEvent e) {
    return Stream.of(
                e.getId(),
                e.getAt().toString(),
                e.getActor(),
                e.getAuthMethod(),
                e.getKeyPrefix(),
                e.getTenant(),
                e.getAction(),
                e.getResourceType(),
                e.getResourceId(),
                e.getClientAddress(),
                e.getOutcome(),
                e.getDetail())
            .map(v -> CsvExport.field(Objects.toString(v, "")))
            .collect(Collectors.joining(","))
        + "\r\n";
  }
}
