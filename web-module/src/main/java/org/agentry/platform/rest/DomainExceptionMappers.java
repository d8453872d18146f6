package org.agentry.platform.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.agentry.platform.boundary.StaleVersionException;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;

/** Maps the boundaries' domain exceptions to problems: 400, 404, 409 and 412. */
public final class DomainExceptionMappers {

  private DomainExceptionMappers() {}

  /** 400 {@code VALIDATION_FAILED}. */
  @Provider
  public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return ApiException.validation(e.getMessage()).problem().toResponse();
    }
  }

  /** 404 {@code <KIND>_NOT_FOUND}. */
  @Provider
  public static class UnknownResource implements ExceptionMapper<UnknownResourceException> {
    @Override
    public Response toResponse(UnknownResourceException e) {
      return new Problem(404, e.code(), "Not found", e.getMessage()).toResponse();
    }
  }

  /** 409 with the conflict's own code. */
  @Provider
  public static class StateConflict implements ExceptionMapper<StateConflictException> {
    @Override
    public Response toResponse(StateConflictException e) {
      return new Problem(409, e.code(), "Conflict", e.getMessage()).toResponse();
    }
  }

  /** 412 {@code PRECONDITION_FAILED}. */
  @Provider
  public static class StaleVersion implements ExceptionMapper<StaleVersionException> {
    @Override
    public Response toResponse(StaleVersionException e) {
      return new Problem(412, "PRECONDITION_FAILED", "Precondition failed", e.getMessage())
          .toResponse();
    }
  }
}
