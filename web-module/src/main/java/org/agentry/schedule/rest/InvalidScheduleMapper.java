package org.agentry.schedule.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Problem;
import org.agentry.schedule.control.InvalidScheduleException;

/** 422 {@code INVALID_SCHEDULE}: a cron expression, time zone, interval or window that is wrong. */
@Provider
public class InvalidScheduleMapper implements ExceptionMapper<InvalidScheduleException> {

  @Override
  public Response toResponse(InvalidScheduleException e) {
    return invalid(e.getMessage()).problem().toResponse();
  }

  /** The problem for timing that makes no rhythm, with a detail naming the field and the rule. */
  static ApiException invalid(String detail) {
    return new ApiException(new Problem(422, "INVALID_SCHEDULE", "Invalid schedule", detail));
  }
}
