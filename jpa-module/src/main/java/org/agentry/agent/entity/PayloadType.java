package org.agentry.agent.entity;

import java.util.regex.Pattern;
import org.agentry.platform.entity.InvalidInputException;

/**
 * An agent's typed XML payload: the root element its input must be and the XML Schema (XSD 1.0)
 * that input must satisfy. Whether the schema compiles and declares the elements is checked by the
 * {@code payload} feature when the agent is saved; here only the shapes are.
 *
 * @param element local name of a global element of the schema, e.g. {@code order}
 * @param outputElement local name of the global element the final answer must be, or null when the
 *     answer is free text
 * @param schema the XSD document's text, at most {@value #MAX_SCHEMA_CHARS} characters
 * @throws InvalidInputException naming the field whose value breaks a rule
 */
public record PayloadType(String element, String outputElement, String schema) {

  /** Longest accepted schema, in characters. */
  public static final int MAX_SCHEMA_CHARS = 200_000;

  /** An XML NCName in its common ASCII form; other letters are allowed as well. */
  private static final Pattern NC_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]{0,254}");

  public PayloadType {
    InvalidInputException.check(
        element != null && NC_NAME.matcher(element).matches(),
        "'payload.element' is required, an XML element name without prefix like order");
    InvalidInputException.check(
        outputElement == null || NC_NAME.matcher(outputElement).matches(),
        "'payload.outputElement' must be an XML element name without prefix like receipt");
    InvalidInputException.check(
        schema != null && !schema.isBlank(), "'payload.schema' is required, an XSD document");
    InvalidInputException.check(
        schema.length() <= MAX_SCHEMA_CHARS,
        "'payload.schema' must be at most " + MAX_SCHEMA_CHARS + " characters");
  }
}
