package org.agentry.client.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.agentry.client.model.AuditPage;

/**
 * {@code /api/v1/audit} (admin): who did what, newest first. {@code from} is inclusive, {@code to}
 * exclusive; text filters are 1–255 characters (400 {@code VALIDATION_FAILED} otherwise).
 */
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

  /**
   * A page of rows; pass {@code nextCursor} as {@code cursor} for the next.
   *
   * @param action e.g. {@code agent.create}
   * @param resource a resource type or id
   */
  @GET
  AuditPage list(
      @QueryParam("from") Instant from,
      @QueryParam("to") Instant to,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("resource") String resource,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit);

  /**
   * Every matching row as CSV (RFC 4180) with a header line: {@code
   * id,at,actor,authMethod,keyPrefix,tenant,action,resourceType,resourceId,clientAddress,outcome,detail}.
   *
   * @param format {@code csv}, or null for it
   */
  @GET
  @Path("export")
  @Produces("text/csv")
  String export(
      @QueryParam("format") String format,
      @QueryParam("from") Instant from,
      @QueryParam("to") Instant to,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("resource") String resource);
}
