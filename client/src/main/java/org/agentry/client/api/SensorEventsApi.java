package org.agentry.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agentry.client.model.SensorEvent;
import org.agentry.client.model.SensorEventRequest;

/**
 * {@code /api/v1/sensors/events}: events posted by sensors (operator), each stored once per {@code
 * (sensorId, dedupeKey)}: 201 for a new one, 200 with the stored one for a repeat.
 */
@Path("v1/sensors/events")
@Produces(MediaType.APPLICATION_JSON)
public interface SensorEventsApi {

  /** Posts an event; 400 {@code VALIDATION_FAILED} without a sensor id or key. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  SensorEvent post(SensorEventRequest event);

  /** An offset page of events, newest first; {@code sensorId} null for all. */
  @GET
  List<SensorEvent> list(
      @QueryParam("sensorId") String sensorId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit);
}
