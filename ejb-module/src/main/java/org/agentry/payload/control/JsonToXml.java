package org.agentry.payload.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JSON object as an XML element, so that a message sent as JSON to an agent with a payload type
 * becomes a payload of that type (then validated against its schema like any other). The mapping,
 * Agentry's own and deliberately plain:
 *
 * <ul>
 *   <li>the object becomes the root element, named by the agent's payload type;
 *   <li>a member {@code "name": value} becomes a child element {@code <name>}; a member whose name
 *       starts with {@code @} becomes an attribute of its element ({@code "@currency": "EUR"});
 *   <li>an object value becomes nested elements the same way; an array value becomes one element
 *       per item, each named by the member; a string, number or boolean becomes the element's text
 *       (numbers as JSON writes them); {@code null} leaves the member out;
 *   <li>member order is kept, which matters for an {@code xs:sequence}.
 * </ul>
 *
 * Names must be XML names of the ASCII letters, digits, {@code _}, {@code -} and {@code .},
 * starting with a letter or {@code _} (a subset of XML 1.0's {@code Name} production, with no
 * namespace prefix). Text is escaped by the JDK's StAX writer.
 */
public final class JsonToXml {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

  private JsonToXml() {}

  /**
   * Converts.
   *
   * @param element the root element's name
   * @param object the JSON object
   * @return the XML element as text, without an XML declaration
   * @throws InvalidPayloadException {@code XML_INVALID} when a member's name is not an XML name, or
   *     an attribute's value is an object or array
   */
  public static String convert(String element, JsonObject object) {
    var text = new StringWriter();
    try {
      var writer = OUTPUT.createXMLStreamWriter(text);
      writeElement(writer, name(element), object);
      writer.flush();
      writer.close();
    } catch (XMLStreamException e) {
      throw invalid(String.valueOf(e.getMessage()));
    }
    return text.toString();
  }

  private static void writeElement(XMLStreamWriter writer, String name, JsonValue value)
      throws XMLStreamException {
    writer.writeStartElement(name);
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, JsonValue> member : object.entrySet()) {
        if (member.getKey().startsWith("@") && member.getValue() != JsonValue.NULL) {
          writer.writeAttribute(
              name(member.getKey().substring(1)), scalar(member.getKey(), member.getValue()));
        }
      }
      for (Map.Entry<String, JsonValue> member : object.entrySet()) {
        var key = member.getKey();
        var child = member.getValue();
        if (key.startsWith("@") || child == JsonValue.NULL) {
          continue;
        }
        if (child instanceof JsonArray array) {
          for (var item : array) {
            if (item != JsonValue.NULL) {
              writeElement(writer, name(key), item);
            }
          }
        } else {
          writeElement(writer, name(key), child);
        }
      }
    } else if (value instanceof JsonArray) {
      throw invalid("an array inside an array has no XML form; name its items with an object");
    } else {
      writer.writeCharacters(scalar(name, value));
    }
    writer.writeEndElement();
  }

  private static String scalar(String name, JsonValue value) {
    if (value instanceof JsonString string) {
      return string.getString();
    }
    if (value instanceof JsonNumber number) {
      return number.toString();
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value.toString();
    }
    throw invalid("'" + name + "' must be a string, number or boolean to be an attribute");
  }

  private static String name(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw invalid("'" + name + "' is not an XML element or attribute name");
    }
    return name;
  }

  private static InvalidPayloadException invalid(String message) {
    return new InvalidPayloadException(
        InvalidPayloadException.Reason.XML_INVALID, new XmlProblem(-1, -1, message));
  }
}
