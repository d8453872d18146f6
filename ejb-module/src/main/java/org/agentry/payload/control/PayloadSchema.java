package org.agentry.payload.control;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import org.agentry.payload.control.InvalidPayloadException.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A compiled XML Schema (W3C XSD 1.0, one self-contained document: imports and includes cannot be
 * fetched) and what the agent loop needs from it. Immutable and thread-safe; compile once and keep
 * it ({@link PayloadSchemas} does).
 */
public final class PayloadSchema {

  /** Longest documentation text kept, in characters. */
  static final int MAX_DOCUMENTATION_CHARS = 20_000;

  private final Schema schema;
  private final String targetNamespace;
  private final Set<String> globalElements;
  private final String documentation;

  private PayloadSchema(
      Schema schema, String targetNamespace, Set<String> globalElements, String documentation) {
    this.schema = schema;
    this.targetNamespace = targetNamespace;
    this.globalElements = globalElements;
    this.documentation = documentation;
  }

  /**
   * Compiles a schema document.
   *
   * @param xsd the XSD document's text
   * @throws InvalidSchemaException if it is not well-formed, has a DOCTYPE, is not an XSD, refers
   *     to another document, or breaks a rule of XSD 1.0 Part 1 — with the line and column when
   *     known
   */
  public static PayloadSchema compile(String xsd) {
    var document = parse(xsd);
    var root = document.getDocumentElement();
    if (!XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(root.getNamespaceURI())
        || !"schema".equals(root.getLocalName())) {
      throw new InvalidSchemaException(
          new XmlProblem(
              -1,
              -1,
              "the root element must be xs:schema of " + XMLConstants.W3C_XML_SCHEMA_NS_URI));
    }
    var factory = SecureXml.schemaFactory();
    factory.setErrorHandler(THROWING);
    Schema schema;
    try {
      schema =
          factory.newSchema(
              new SAXSource(SecureXml.reader(), new InputSource(new StringReader(xsd))));
    } catch (SAXParseException e) {
      throw new InvalidSchemaException(XmlProblem.of(e));
    } catch (SAXException e) {
      throw new InvalidSchemaException(new XmlProblem(-1, -1, String.valueOf(e.getMessage())));
    }
    var namespace = root.getAttribute("targetNamespace");
    return new PayloadSchema(
        schema,
        namespace.isEmpty() ? null : namespace,
        globalElements(root),
        documentation(document));
  }

  /** Whether the schema declares a global element of this local name. */
  public boolean declares(String element) {
    return globalElements.contains(element);
  }

  /** The schema's {@code targetNamespace}, or null when it has none. */
  public String targetNamespace() {
    return targetNamespace;
  }

  /**
   * The text of every {@code xs:documentation} of the schema, in document order, one paragraph
   * each; empty when there is none. At most {@value #MAX_DOCUMENTATION_CHARS} characters.
   */
  public String documentation() {
    return documentation;
  }

  /**
   * Validates a payload: it must be well-formed, without a DOCTYPE, have {@code element} (in the
   * schema's target namespace) as its root, and satisfy the schema.
   *
   * @param xml the payload's text
   * @param element the local name of the root element it must have
   * @throws InvalidPayloadException with the line, column and the parser's or validator's message
   *     of the first error
   */
  public void validate(String xml, String element) {
    var reader = SecureXml.reader();
    var validator = schema.newValidatorHandler();
    try {
      validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXException e) {
      throw new IllegalStateException("the JDK's schema validator cannot be secured", e);
    }
    validator.setErrorHandler(new Refusing(Reason.XML_INVALID));
    reader.setErrorHandler(new Refusing(Reason.XML_NOT_WELL_FORMED));
    reader.setContentHandler(new RootCheck(validator, targetNamespace, element));
    try {
      reader.parse(new InputSource(new StringReader(xml)));
    } catch (Refusal e) {
      throw new InvalidPayloadException(e.reason, XmlProblem.of(e));
    } catch (SAXParseException e) {
      throw new InvalidPayloadException(Reason.XML_NOT_WELL_FORMED, XmlProblem.of(e));
    } catch (SAXException | IOException e) {
      throw new InvalidPayloadException(
          Reason.XML_NOT_WELL_FORMED, new XmlProblem(-1, -1, String.valueOf(e.getMessage())));
    }
  }

  private static Document parse(String xsd) {
    var builder = SecureXml.documentBuilder();
    builder.setErrorHandler(THROWING);
    try {
      return builder.parse(new InputSource(new StringReader(xsd)));
    } catch (SAXParseException e) {
      throw new InvalidSchemaException(XmlProblem.of(e));
    } catch (SAXException | IOException e) {
      throw new InvalidSchemaException(new XmlProblem(-1, -1, String.valueOf(e.getMessage())));
    }
  }

  private static Set<String> globalElements(Element root) {
    var names = new TreeSet<String>();
    for (var child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e
          && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(e.getNamespaceURI())
          && "element".equals(e.getLocalName())) {
        names.add(e.getAttribute("name"));
      }
    }
    return Set.copyOf(names);
  }

  private static String documentation(Document document) {
    var nodes =
        document.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "documentation");
    var parts = new ArrayList<String>();
    for (int i = 0; i < nodes.getLength(); i++) {
      var text = nodes.item(i).getTextContent().strip().replaceAll("\\s*\\n\\s*", "\n");
      if (!text.isEmpty()) {
        parts.add(text);
      }
    }
    var joined = String.join("\n\n", parts);
    return joined.length() <= MAX_DOCUMENTATION_CHARS
        ? joined
        : joined.substring(0, MAX_DOCUMENTATION_CHARS);
  }

  private static final ErrorHandler THROWING = new Refusing(Reason.XML_INVALID);

  /** A SAX error that says why it refused. */
  static final class Refusal extends SAXParseException {
    private final transient Reason reason;

    Refusal(Reason reason, SAXParseException cause) {
      super(
          cause.getMessage(),
          cause.getPublicId(),
          cause.getSystemId(),
          cause.getLineNumber(),
          cause.getColumnNumber());
      this.reason = reason;
    }
  }

  /** Stops at the first warning-free error; a parser's fatal error about a DOCTYPE is named so. */
  private record Refusing(Reason reason) implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {
      // warnings (e.g. an unresolved optional component) do not refuse a payload
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw new Refusal(reason, e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      // the JDK's message for disallow-doctype-decl: "DOCTYPE is disallowed when the feature …"
      var doctype = String.valueOf(e.getMessage()).contains("DOCTYPE");
      throw new Refusal(doctype ? Reason.XML_DOCTYPE_REFUSED : reason, e);
    }
  }

  /** Lists the schema's global elements, for messages. */
  List<String> globalElements() {
    return List.copyOf(globalElements);
  }
}
