package org.agentry.client.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import org.agentry.client.model.ScopedUsage;
import org.agentry.client.model.UsageReport;

/**
 * {@code /api/v1/usage}: what agents spent (tokens, USD). {@code from} is inclusive, {@code to}
 * exclusive; null bounds are open.
 */
@Path("v1/usage")
@Produces(MediaType.APPLICATION_JSON)
public interface UsageApi {

  /** Totals and breakdowns by agent, model and UTC day. */
  @GET
  UsageReport report(@QueryParam("from") Instant from, @QueryParam("to") Instant to);

  /** One agent's usage. */
  @GET
  @Path("agents/{name}")
  ScopedUsage agent(
      @PathParam("name") String name,
      @QueryParam("from") Instant from,
      @QueryParam("to") Instant to);

  /** One model's usage. */
  @GET
  @Path("models/{model}")
  ScopedUsage model(
      @PathParam("model") String model,
      @QueryParam("from") Instant from,
      @QueryParam("to") Instant to);

  /** One session's usage. */
  @GET
  @Path("sessions/{id}")
  ScopedUsage session(@PathParam("id") String id);

  /** Usage per thread, hottest first: {@code {items, total, offset, limit}}. */
  @GET
  @Path("threads")
  JsonObject threads(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit);

  /** One thread's usage. */
  @GET
  @Path("threads/{id}")
  ScopedUsage thread(@PathParam("id") String id);

  /** One task's usage. */
  @GET
  @Path("tasks/{id}")
  ScopedUsage task(@PathParam("id") String id);

  /**
   * One CSV line per model call with a header line: {@code
   * id,createdAt,provider,model,agent,sessionId,taskId,promptTokens,completionTokens,costUsd,latencyMs}.
   */
  @GET
  @Path("export")
  @Produces("text/csv")
  String export(
      @QueryParam("format") String format,
      @QueryParam("from") Instant from,
      @QueryParam("to") Instant to);

  /** Every budget with what was spent against it this day and month. */
  @GET
  @Path("budgets")
  JsonArray budgets();

  /** Deletes every usage record (admin); the answer counts what was removed. */
  @POST
  @Path("reset")
  Map<String, Integer> reset();
}
