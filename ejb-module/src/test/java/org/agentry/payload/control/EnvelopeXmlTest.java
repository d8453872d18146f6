package org.agentry.payload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeXmlTest {

  @Test
  void anXmlPayloadIsEmbeddedAndReadBack() {
    var envelope =
        new Envelope("user", "orders", "s-1", Payload.of("<order><qty>2</qty></order>"))
            .stamped(7, "2026-12-01T06:00:00Z");
    var xml = EnvelopeXml.write(envelope);
    assertTrue(xml.contains("<qty>2</qty></order></payload>"), xml);
    assertTrue(xml.contains("xmlns=\"urn:agentry:envelope:1\""), xml);
    var read = EnvelopeXml.read(xml);
    assertEquals("order", read.getPayloadType());
    assertEquals("orders", read.getTo());
    assertEquals(7L, read.getId());
    assertEquals("2", read.getPayload().element().getTextContent());
  }

  @Test
  void aPayloadWrittenInTheEnvelopesNamespaceIsReadAsOfNoNamespace() {
    var xml =
        "<envelope xmlns=\"urn:agentry:envelope:1\"><from>user</from><to>orders</to>"
            + "<payloadType>order</payloadType>"
            + "<payload><order><item>tea &amp; milk</item><qty>2</qty></order></payload></envelope>";
    assertEquals(
        "<order><item>tea &amp; milk</item><qty>2</qty></order>",
        EnvelopeXml.read(xml).getPayload().content());
    var explicit = xml.replace("<order>", "<order xmlns=\"\">");
    assertEquals(
        "<order><item>tea &amp; milk</item><qty>2</qty></order>",
        EnvelopeXml.read(explicit).getPayload().content());
  }

  @Test
  void textIsEscapedNotEmbedded() {
    var xml = EnvelopeXml.write(new Envelope("a", "b", null, Payload.of("1 < 2 & <b>not closed")));
    assertTrue(xml.contains("1 &lt; 2 &amp; &lt;b&gt;not closed"), xml);
    var read = EnvelopeXml.read(xml);
    assertEquals("text", read.getPayloadType());
    assertNull(read.getPayload().element());
    assertEquals("1 < 2 & <b>not closed", read.getPayload().text());
  }

  @Test
  void aListIsWritten() {
    var xml =
        EnvelopeXml.write(
            new Envelopes(
                List.of(
                    new Envelope("user", "a", "t", Payload.of("hi")),
                    new Envelope("a", "user", "t", Payload.of("hello")))));
    assertTrue(xml.startsWith("<envelopes"), xml);
    assertEquals(2, xml.split("<envelope ").length - 1 + xml.split("<envelope>").length - 1, xml);
  }

  @Test
  void aDoctypeIsRefusedWhenReading() {
    var xxe =
        "<!DOCTYPE envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<envelope xmlns=\"urn:agentry:envelope:1\"><from>&x;</from></envelope>";
    var e = assertThrows(InvalidPayloadException.class, () -> EnvelopeXml.read(xxe));
    assertEquals(InvalidPayloadException.Reason.XML_DOCTYPE_REFUSED, e.reason());
    var doctypeText =
        Payload.of("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>");
    assertEquals("text", doctypeText.type());
  }
}
