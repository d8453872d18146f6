package org.agentry.sensor.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Paging;
import org.agentry.security.entity.Role;
import org.agentry.sensor.boundary.SensorEvents;

/**
 * {@code /api/v1/sensors/events}: operators post events (201 with the started task's id the first
 * time; 200 with the original answer when the same sensor posts the same dedupe key again, which
 * starts nothing); viewers list them.
 */
@ApplicationScoped
@Path("v1/sensors/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class SensorEventsResource {

  @Inject SensorEvents events;

  /** Records the event, starting its task the first time. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response post(SensorEventRequest request) {
    if (request == null) {
      throw ApiException.validation("A JSON body with 'sensorId' and 'dedupeKey' is required.");
    }
    var payload = request.payload() == null ? null : request.payload().toString();
    SensorEvents.Received received;
    try {
      received =
          events.receive(
              request.sensorId(), request.eventId(), request.dedupeKey(), payload, request.order());
    } catch (EJBException e) {
      // the same event posted twice at once: the other post won the unique key
      var key = request.dedupeKey() != null ? request.dedupeKey() : request.eventId();
      var earlier = events.find(request.sensorId(), key).orElseThrow(() -> e);
      received = new SensorEvents.Received(earlier, false);
    }
    var event = received.event();
    var status = received.created() ? Response.Status.CREATED : Response.Status.OK;
    return Response.status(status).entity(SensorEventResponse.of(event)).build();
  }

  /** Events, newest first, optionally of one sensor: {@code ?sensorId=&offset=&limit=}. */
  @GET
  public List<SensorEventResponse> list(
      @QueryParam("sensorId") String sensorId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return events.list(sensorId, Paging.offset(offset), Paging.limit(limit)).stream()
        .map(SensorEventResponse::of)
        .toList();
  }
}
