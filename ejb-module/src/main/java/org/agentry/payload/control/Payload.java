package org.agentry.payload.control;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlMixed;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
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
}
