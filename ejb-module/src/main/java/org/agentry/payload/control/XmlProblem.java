package org.agentry.payload.control;

import org.xml.sax.SAXParseException;

/**
 * What is wrong with an XML document, where.
 *
 * @param line 1-based line of the error, or -1 when the parser did not say
 * @param column 1-based column of the error, or -1 when the parser did not say
 * @param message the parser's or schema validator's own message (the JDK's Xerces), e.g. {@code
 *     cvc-complex-type.2.4.a: Invalid content was found starting with element 'qty'…}
 */
public record XmlProblem(int line, int column, String message) {

  static XmlProblem of(SAXParseException e) {
    return new XmlProblem(e.getLineNumber(), e.getColumnNumber(), String.valueOf(e.getMessage()));
  }

  /** {@code line 3, column 9: <message>}, or the message alone without a position. */
  @Override
  public String toString() {
    return line < 0 ? message : "line " + line + ", column " + column + ": " + message;
  }
}
