package org.agentry.usage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.agentry.budget.boundary.BudgetView;
import org.agentry.budget.boundary.Budgets;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Instants;
import org.agentry.platform.rest.Paging;
import org.agentry.security.entity.Role;
import org.agentry.usage.boundary.UsageReports;
import org.agentry.usage.boundary.UsageReports.Filter;
import org.agentry.usage.boundary.UsageTotals;

/**
 * {@code /api/v1/usage}: what agents spent, summed from one usage record per model call. {@code
 * from} (inclusive) and {@code to} (exclusive) are ISO-8601 instants; days are UTC days.
 */
@ApplicationScoped
@Path("v1/usage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class UsageResource {

  /** Totals with their days, for one agent, model, session or task. */
  public record Scoped(UsageTotals totals, java.util.List<UsageReports.Group> byDay) {}

  @Inject UsageReports reports;
  @Inject Budgets budgets;
  @Inject org.agentry.tenant.control.CallerTenant tenant;

  /**
   * Per-tenant totals, most expensive first: {@code {"byTenant":[{"key":"acme","totals":{…}}]}}.
   */
  public record TenantReport(java.util.List<UsageReports.Group> byTenant) {}

  /**
   * Totals (tokens, requests, USD, mean latency) and breakdowns by agent, model and day, of the
   * caller's tenant; with {@code groupBy=tenant} (platform admin only, else 403 {@code
   * TENANT_FORBIDDEN}) the totals of every tenant as a {@link TenantReport}.
   */
  @GET
  public Object report(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("groupBy") String groupBy) {
    var filter =
        new Filter(Instants.parse(from, "from"), Instants.parse(to, "to"), null, null, null, null);
    if (groupBy == null) {
      return reports.report(filter);
    }
    if (!groupBy.equals("tenant")) {
      throw ApiException.validation("'groupBy' must be 'tenant'.");
    }
    if (!tenant.platformAdmin()) {
      throw new ApiException(
          new org.agentry.platform.rest.Problem(
              403,
              "TENANT_FORBIDDEN",
              "Tenant not allowed",
              "Only a platform admin may see the usage of every tenant."));
    }
    return new TenantReport(reports.byTenant(filter));
  }

  /** One agent's usage. */
  @GET
  @Path("agents/{name}")
  public Scoped agent(
      @PathParam("name") String name,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return scoped(
        new Filter(Instants.parse(from, "from"), Instants.parse(to, "to"), name, null, null, null));
  }

  /** One model's usage, across providers. */
  @GET
  @Path("models/{model}")
  public Scoped model(
      @PathParam("model") String model,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return scoped(
        new Filter(
            Instants.parse(from, "from"), Instants.parse(to, "to"), null, model, null, null));
  }

  /** One session's usage. */
  @GET
  @Path("sessions/{id}")
  public Scoped session(@PathParam("id") String id) {
    return scoped(new Filter(null, null, null, null, id, null));
  }

  /** A page of usage per thread (session), hottest first, and how many threads have usage. */
  public record ThreadUsagePage(
      java.util.List<UsageReports.ThreadUsage> items, long total, int offset, int limit) {}

  /**
   * Usage per thread, hottest first (cost in USD, then total tokens): {@code ?offset=0&limit=50}.
   */
  @GET
  @Path("threads")
  public ThreadUsagePage threads(
      @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
    int from = Paging.offset(offset);
    int size = Paging.limit(limit);
    var page = reports.byThread(from, size);
    return new ThreadUsagePage(page.items(), page.total(), from, size);
  }

  /** One thread's usage: the same as its session's. */
  @GET
  @Path("threads/{id}")
  public Scoped thread(@PathParam("id") String id) {
    return session(id);
  }

  /** One task's usage. */
  @GET
  @Path("tasks/{id}")
  public Scoped task(@PathParam("id") String id) {
    return scoped(new Filter(null, null, null, null, null, id));
  }

  /**
   * Every model call as one CSV line (RFC 4180), oldest first, for chargeback: {@code
   * id,createdAt,provider,model,agent,sessionId,taskId,promptTokens,completionTokens,costUsd,latencyMs}.
   */
  @GET
  @Path("export")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  public Response export(
      @QueryParam("format") @DefaultValue("csv") String format,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    if (!"csv".equals(format)) {
      throw ApiException.validation("'format' must be csv.");
    }
    var filter =
        new Filter(Instants.parse(from, "from"), Instants.parse(to, "to"), null, null, null, null);
    return Response.ok(new CsvExport(reports, filter), "text/csv")
        .header("Content-Disposition", "attachment; filename=\"usage.csv\"")
        .build();
  }

  /** Every budget with used, reserved, remaining and percent, hottest first. */
  @GET
  @Path("budgets")
  public java.util.List<BudgetView> budgets() {
    return budgets.list();
  }

  /** Archives every usage record (admin): {@code {"archived": n}}. Nothing is deleted for good. */
  @POST
  @Path("reset")
  @RolesAllowed(Role.ADMIN_NAME)
  public Map<String, Integer> reset() {
    return Map.of("archived", reports.reset());
  }

  private Scoped scoped(Filter filter) {
    return new Scoped(reports.totals(filter), reports.byDay(filter));
  }
}
