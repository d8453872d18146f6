package org.agentry.platform.rest;

import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.agentry.platform.entity.Jsons;

/**
 * Checks a JSON request body before JSON-B binds it: it must be one JSON object with nothing after
 * it (JSON-B alone read the first value of {@code {…} {…}} and bound an array {@code [{}]} as an
 * object), and no string may hold U+0000 (PostgreSQL's text columns cannot store it, so it failed
 * only at the database, as a 500). Refusals are 400 {@code MALFORMED_JSON}. The body is read into
 * memory, which {@link BodySizeLimitFilter} bounds.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    var type = context.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return context.proceed();
    }
    var body = context.getInputStream().readAllBytes();
    if (body.length > 0) {
      check(body);
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  /**
   * @throws ApiException 400 {@code MALFORMED_JSON} unless the body is one object without NUL
   */
  static void check(byte[] body) {
    try (var parser = Jsons.createParser(new ByteArrayInputStream(body))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new ApiException(Problems.malformedJson());
      }
      int depth = 1;
      while (depth > 0) {
        switch (parser.next()) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case KEY_NAME, VALUE_STRING -> {
            if (parser.getString().indexOf('\0') >= 0) {
              throw new ApiException(Problems.malformedJson());
            }
          }
          default -> {
            // numbers, booleans and nulls are bound and checked by the endpoint
          }
        }
      }
      if (parser.hasNext()) {
        throw new ApiException(Problems.malformedJson());
      }
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      // any parse failure, e.g. Parsson's nesting depth limit on [[[[…
      throw new ApiException(Problems.malformedJson());
    }
  }
}
