package org.agentry.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.agentry.audit.boundary.AuditEvents;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Instants;
import org.agentry.platform.rest.KeysetCursor;
import org.agentry.platform.rest.Paging;
import org.agentry.security.entity.Role;

/**
 * {@code /api/v1/audit} (admin only): who changed what, newest first. Filters: {@code from}
 * (inclusive) and {@code to} (exclusive) ISO-8601 instants, and exact {@code actor} (e.g. {@code
 * api-key:<id>}), {@code action} (e.g. {@code agent.create}) and {@code resource} (a name or id).
 * Bad parameters answer 400 {@code VALIDATION_FAILED}.
 */
@ApplicationScoped
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AuditResource {

  /** A page of rows, newest first; {@code nextCursor} is absent on the last page. */
  public record AuditPage(List<AuditEventResponse> items, String nextCursor) {}

  private static final int MAX_TEXT = 255;

  @Inject AuditEvents events;

  /** Rows matching the filters; pass {@code nextCursor} as {@code cursor} for the next page. */
  @GET
  public AuditPage list(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("resource") String resource,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    var filter = filter(from, to, actor, action, resource);
    var position = KeysetCursor.parse(cursor);
    int size = Paging.limit(limit);
    var page =
        events.page(
            filter,
            position == null ? null : new AuditEvents.Cursor(position.createdAt(), position.id()),
            size);
    var last = page.isEmpty() ? null : page.get(page.size() - 1);
    var next = page.size() == size ? new KeysetCursor(last.getAt(), last.getId()).encode() : null;
    return new AuditPage(page.stream().map(AuditEventResponse::of).toList(), next);
  }

  /**
   * Every matching row as one CSV line (RFC 4180), newest first: {@code
   * id,at,actor,authMethod,keyPrefix,tenant,action,resourceType,resourceId,clientAddress,outcome,detail}.
   */
  @GET
  @Path("export")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  public Response export(
      @QueryParam("format") @DefaultValue("csv") String format,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("resource") String resource) {
    if (!"csv".equals(format)) {
      throw ApiException.validation("'format' must be csv.");
    }
    var filter = filter(from, to, actor, action, resource);
    return Response.ok(new AuditCsv(events, filter), "text/csv")
        .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
        .build();
  }

  private static AuditEvents.Filter filter(
      String from, String to, String actor, String action, String resource) {
    return new AuditEvents.Filter(
        Instants.parse(from, "from"),
        Instants.parse(to, "to"),
        text(actor, "actor"),
        text(action, "action"),
        text(resource, "resource"));
  }

  /**
   * @throws ApiException 400 for an empty value or one over 255 characters
   */
  private static String text(String value, String name) {
    if (value == null) {
      return null;
    }
    if (value.isBlank() || value.length() > MAX_TEXT) {
      throw ApiException.validation("'" + name + "' must be 1 to " + MAX_TEXT + " characters.");
    }
    return value;
  }
}
