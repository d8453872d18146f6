package org.agentry.payload.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.agentry.payload.control.InvalidPayloadException;
import org.agentry.payload.control.InvalidSchemaException;
import org.agentry.payload.control.XmlProblem;
import org.agentry.platform.entity.Jsons;
import org.agentry.platform.rest.Problem;

/**
 * 422 problems for refused XML: RFC 9457 problem+json with the extension members {@code line} and
 * {@code column} (1-based, present when the parser knew them) and {@code validatorMessage} (the JDK
 * schema validator's or parser's own words).
 */
public final class PayloadExceptionMappers {

  private PayloadExceptionMappers() {}

  /** 422 {@code XML_NOT_WELL_FORMED}, {@code XML_DOCTYPE_REFUSED} or {@code XML_INVALID}. */
  @Provider
  public static class InvalidPayload implements ExceptionMapper<InvalidPayloadException> {
    @Override
    public Response toResponse(InvalidPayloadException e) {
      var title =
          switch (e.reason()) {
            case XML_NOT_WELL_FORMED -> "XML not well-formed";
            case XML_DOCTYPE_REFUSED -> "DOCTYPE refused";
            case XML_INVALID -> "XML payload invalid";
          };
      var detail =
          switch (e.reason()) {
            case XML_DOCTYPE_REFUSED -> "DTDs and entities are not accepted (" + e.problem() + ")";
            default -> "The payload was refused at " + e.problem();
          };
      return response(new Problem(422, e.code(), title, detail), e.problem());
    }
  }

  /** 422 {@code PAYLOAD_SCHEMA_INVALID}. */
  @Provider
  public static class InvalidSchema implements ExceptionMapper<InvalidSchemaException> {
    @Override
    public Response toResponse(InvalidSchemaException e) {
      var problem =
          new Problem(
              422,
              "PAYLOAD_SCHEMA_INVALID",
              "Payload schema invalid",
              "'payload.schema' is not a usable XML Schema: " + e.problem());
      return response(problem, e.problem());
    }
  }

  private static Response response(Problem problem, XmlProblem where) {
    var json =
        Jsons.createObjectBuilder()
            .add("type", problem.type())
            .add("title", problem.title())
            .add("status", problem.status())
            .add("detail", problem.detail())
            .add("code", problem.code());
    if (where.line() > 0) {
      json.add("line", where.line()).add("column", where.column());
    }
    json.add("validatorMessage", where.message());
    return Response.status(problem.status())
        .type(MediaType.valueOf(Problem.MEDIA_TYPE))
        .entity(json.build().toString())
        .build();
  }
}
