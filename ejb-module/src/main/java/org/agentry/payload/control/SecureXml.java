package org.agentry.payload.control;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The JDK's own JAXP parsers, configured against XXE and entity expansion as the OWASP XML External
 * Entity Prevention Cheat Sheet advises: {@link XMLConstants#FEATURE_SECURE_PROCESSING} on, {@code
 * disallow-doctype-decl} on (a document with a {@code <!DOCTYPE} is refused outright, so no entity
 * is ever declared), external entities and DTD loading off, and {@link
 * XMLConstants#ACCESS_EXTERNAL_DTD}/{@link XMLConstants#ACCESS_EXTERNAL_SCHEMA} empty (no protocol
 * allowed). {@code newDefaultInstance()} keeps a parser an application server puts on the class
 * path out of it.
 */
final class SecureXml {

  static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
  private static final String EXTERNAL_GENERAL =
      "http://xml.org/sax/features/external-general-entities";
  private static final String EXTERNAL_PARAMETER =
      "http://xml.org/sax/features/external-parameter-entities";
  private static final String LOAD_EXTERNAL_DTD =
      "http://apache.org/xml/features/nonvalidating/load-external-dtd";

  private static final SAXParserFactory SAX = saxFactory();
  private static final DocumentBuilderFactory DOM = domFactory();

  private SecureXml() {}

  /** A new namespace-aware SAX reader; readers are not thread-safe, factories are. */
  static XMLReader reader() {
    try {
      var reader = SAX.newSAXParser().getXMLReader();
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      reader.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are not allowed: " + systemId);
          });
      return reader;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK's SAX parser cannot be secured", e);
    }
  }

  /** A new namespace-aware DOM builder. */
  static DocumentBuilder documentBuilder() {
    try {
      var builder = DOM.newDocumentBuilder();
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are not allowed: " + systemId);
          });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's DOM parser cannot be secured", e);
    }
  }

  /** A new XSD 1.0 schema factory that loads nothing from outside. */
  static SchemaFactory schemaFactory() {
    try {
      var factory = SchemaFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory;
    } catch (SAXException e) {
      throw new IllegalStateException("the JDK's schema factory cannot be secured", e);
    }
  }

  private static SAXParserFactory saxFactory() {
    try {
      var factory = SAXParserFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setXIncludeAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature(DISALLOW_DOCTYPE, true);
      factory.setFeature(EXTERNAL_GENERAL, false);
      factory.setFeature(EXTERNAL_PARAMETER, false);
      factory.setFeature(LOAD_EXTERNAL_DTD, false);
      return factory;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK's SAX parser cannot be secured", e);
    }
  }

  private static DocumentBuilderFactory domFactory() {
    try {
      var factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature(DISALLOW_DOCTYPE, true);
      factory.setFeature(EXTERNAL_GENERAL, false);
      factory.setFeature(EXTERNAL_PARAMETER, false);
      factory.setFeature(LOAD_EXTERNAL_DTD, false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's DOM parser cannot be secured", e);
    }
  }
}
