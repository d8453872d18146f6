package org.agentry.payload.control;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlMixed;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The payload of an {@link Envelope}: one XML element, embedded as it is, or plain text, escaped.
 */
@XmlAccessorType(XmlAccessType.FIELD)
public class Payload {

  @XmlMixed @XmlAnyElement private List<Object> content = new ArrayList<>();

  protected Payload() {}

  private Payload(Object content) {
    this.content.add(content);
  }

  /**
   * A message's text as a payload: an element when the text is one well-formed XML document (parsed
   * without DTDs or external entities), else the text itself.
   */
  public static Payload of(String text) {
    if (text == null) {
      return new Payload();
    }
    var stripped = text.strip();
    if (stripped.startsWith("<")) {
      var builder = SecureXml.documentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // no messages on stderr; failures throw
      try {
        return new Payload(
            builder.parse(new InputSource(new StringReader(stripped))).getDocumentElement());
      } catch (SAXException | IOException e) {
        // not XML: carried as text
      }
    }
    return new Payload(text);
  }

  /** The element's local name, or {@value Envelope#TEXT}. */
  public String type() {
    return element() == null ? Envelope.TEXT : element().getLocalName();
  }

  /** The payload's element, or null when it is text. */
  public Element element() {
    return content.stream()
        .filter(Element.class::isInstance)
        .map(Element.class::cast)
        .findFirst()
        .orElse(null);
  }

  /** The payload's text (its text nodes joined), empty when it is an element. */
  public String text() {
    var text = new StringBuilder();
    content.stream().filter(String.class::isInstance).forEach(s -> text.append((String) s));
    return text.toString();
  }

  /**
   * The payload as the text a message stores: the element serialised (no XML declaration), or the
   * text. An element in the envelope's own namespace (written inside the envelope without {@code
   * xmlns=""}) is taken as an element of no namespace, as an agent's schema declares it.
   */
  public String content() {
    var element = element();
    if (element == null) {
      return text();
    }
    var document = SecureXml.documentBuilder().newDocument();
    var copy = document.appendChild(rebuilt(document, element));
    try {
      var transformer = TRANSFORMERS.newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      var out = new StringWriter();
      transformer.transform(new DOMSource(copy), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("a parsed element cannot be written", e);
    }
  }

  /**
   * A copy of a node in another document, with elements of the envelope's namespace moved to no
   * namespace and namespace declaration attributes left to the serialiser.
   */
  private static Node rebuilt(Document document, Node node) {
    if (node.getNodeType() != Node.ELEMENT_NODE) {
      return document.importNode(node, false);
    }
    var namespace = node.getNamespaceURI();
    var element =
        Envelope.NAMESPACE.equals(namespace) || namespace == null
            ? document.createElementNS(null, node.getLocalName())
            : document.createElementNS(namespace, node.getNodeName());
    var attributes = node.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      var attribute = attributes.item(i);
      if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
          && !attribute.getNodeName().startsWith("xmlns")) {
        element.setAttributeNodeNS((org.w3c.dom.Attr) document.importNode(attribute, false));
      }
    }
    var children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      element.appendChild(rebuilt(document, children.item(i)));
    }
    return element;
  }

  private static final TransformerFactory TRANSFORMERS = transformers();

  private static TransformerFactory transformers() {
    try {
      var factory = TransformerFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      return factory;
    } catch (TransformerConfigurationException e) {
      throw new IllegalStateException("the JDK's transformer cannot be secured", e);
    }
  }
}
