package org.agentry.payload.control;

import java.util.Objects;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Passes SAX events on to the schema validator, refusing a document whose root is not the expected
 * element: a schema alone accepts any of its global elements as a root.
 */
final class RootCheck extends XMLFilterImpl {

  private final String namespace;
  private final String element;
  private Locator locator;
  private boolean rootSeen;

  RootCheck(ContentHandler next, String namespace, String element) {
    this.namespace = namespace == null ? "" : namespace;
    this.element = element;
    setContentHandler(next);
  }

  @Override
  public void setDocumentLocator(Locator locator) {
    this.locator = locator;
    super.setDocumentLocator(locator);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    if (!rootSeen) {
      rootSeen = true;
      if (!namespace.equals(Objects.requireNonNullElse(uri, "")) || !element.equals(localName)) {
        var expected = namespace.isEmpty() ? element : "{" + namespace + "}" + element;
        var found = uri == null || uri.isEmpty() ? localName : "{" + uri + "}" + localName;
        throw new PayloadSchema.Refusal(
            InvalidPayloadException.Reason.XML_INVALID,
            new SAXParseException(
                "the root element must be " + expected + ", not " + found, locator));
      }
    }
    super.startElement(uri, localName, qName, atts);
  }
}
