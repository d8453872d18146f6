package org.agentry.payload.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.agentry.agent.entity.PayloadType;

/**
 * Compiled schemas, kept by the SHA-256 of their text so that a task submit or a run does not
 * compile the agent's schema again. At most {@value #MAX_ENTRIES} are kept; past that the cache
 * starts over.
 */
@ApplicationScoped
public class PayloadSchemas {

  static final int MAX_ENTRIES = 256;

  private final ConcurrentHashMap<String, PayloadSchema> compiled = new ConcurrentHashMap<>();

  /**
   * The payload type's schema, compiled, after checking that it declares the type's elements.
   *
   * @throws InvalidSchemaException if the schema does not compile or lacks an element
   */
  public PayloadSchema of(PayloadType type) {
    var key = sha256(type.schema());
    var schema = compiled.get(key);
    if (schema == null) {
      schema = PayloadSchema.compile(type.schema());
      if (compiled.size() >= MAX_ENTRIES) {
        compiled.clear();
      }
      compiled.put(key, schema);
    }
    requireDeclared(schema, type.element(), "payload.element");
    if (type.outputElement() != null) {
      requireDeclared(schema, type.outputElement(), "payload.outputElement");
    }
    return schema;
  }

  /**
   * Validates a payload against the type: root element {@code type.element()}, schema satisfied.
   *
   * @throws InvalidPayloadException if it is refused
   */
  public void validate(PayloadType type, String xml) {
    of(type).validate(xml, type.element());
  }

  private static void requireDeclared(PayloadSchema schema, String element, String field) {
    if (!schema.declares(element)) {
      throw new InvalidSchemaException(
          new XmlProblem(
              -1,
              -1,
              "'"
                  + field
                  + "' is "
                  + element
                  + ", which the schema does not declare as a global element; it declares "
                  + schema.globalElements()));
    }
  }

  private static String sha256(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
