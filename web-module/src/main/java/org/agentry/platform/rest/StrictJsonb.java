package org.agentry.platform.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API uses it: unknown fields in a request body are an error, not silently dropped,
 * so that a mistyped field never goes unnoticed. The property is Yasson's ({@code
 * jsonb.fail-on-unknown-properties}).
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(new JsonbConfig().setProperty("jsonb.fail-on-unknown-properties", true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
