package org.agentry.payload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.agentry.agent.entity.PayloadType;
import org.agentry.payload.control.InvalidPayloadException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayloadSchemaTest {

  static final String XSD =
      """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <xs:annotation><xs:documentation>An order of one item.</xs:documentation></xs:annotation>
        <xs:element name="order">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="item" type="xs:string"/>
              <xs:element name="qty" type="xs:positiveInteger"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
        <xs:element name="receipt" type="xs:string"/>
      </xs:schema>
      """;

  HttpServer server;
  AtomicInteger hits = new AtomicInteger();
  String url;

  @BeforeEach
  void listen() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          var body = "<!ENTITY x 'pwned'>".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  PayloadSchema schema() {
    return PayloadSchema.compile(XSD);
  }

  @Test
  void aValidPayloadPasses() {
    schema().validate("<order><item>tea</item><qty>2</qty></order>", "order");
  }

  @Test
  void anInvalidPayloadNamesLineColumnAndTheValidatorsMessage() {
    var e =
        assertThrows(
            InvalidPayloadException.class,
            () ->
                schema()
                    .validate("<order>\n  <item>tea</item>\n  <qty>-1</qty>\n</order>", "order"));
    assertEquals(Reason.XML_INVALID, e.reason());
    assertEquals(3, e.problem().line());
    assertTrue(e.problem().column() > 0, e.problem().toString());
    assertTrue(e.problem().message().contains("cvc-"), e.problem().message());
  }

  @Test
  void anotherGlobalElementAsRootIsRefused() {
    var e =
        assertThrows(
            InvalidPayloadException.class,
            () -> schema().validate("<receipt>ok</receipt>", "order"));
    assertEquals(Reason.XML_INVALID, e.reason());
    assertTrue(e.getMessage().contains("root element must be order"), e.getMessage());
    assertEquals(1, e.problem().line());
  }

  @Test
  void malformedXmlIsRefusedWithItsPosition() {
    var e =
        assertThrows(
            InvalidPayloadException.class,
            () -> schema().validate("<order><item>tea</qty></order>", "order"));
    assertEquals(Reason.XML_NOT_WELL_FORMED, e.reason());
    assertEquals(1, e.problem().line());
  }

  @Test
  void billionLaughsIsRefusedBeforeAnyExpansion() {
    var lol =
        """
        <?xml version="1.0"?>
        <!DOCTYPE order [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <order><item>&lol9;</item><qty>1</qty></order>
        """;
    var e = assertThrows(InvalidPayloadException.class, () -> schema().validate(lol, "order"));
    assertEquals(Reason.XML_DOCTYPE_REFUSED, e.reason());
  }

  @Test
  void externalEntitiesAreRefusedAndNeverFetched() {
    for (var system : new String[] {"file:///etc/passwd", url}) {
      var xxe =
          "<?xml version=\"1.0\"?><!DOCTYPE order [<!ENTITY x SYSTEM \""
              + system
              + "\">]><order><item>&x;</item><qty>1</qty></order>";
      var e = assertThrows(InvalidPayloadException.class, () -> schema().validate(xxe, "order"));
      assertEquals(Reason.XML_DOCTYPE_REFUSED, e.reason());
      assertTrue(!e.getMessage().contains("root:"), e.getMessage());
    }
    var parameter = "<!DOCTYPE order [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><order/>";
    assertThrows(InvalidPayloadException.class, () -> schema().validate(parameter, "order"));
    var external = "<!DOCTYPE order SYSTEM \"" + url + "\"><order/>";
    assertThrows(InvalidPayloadException.class, () -> schema().validate(external, "order"));
    assertEquals(0, hits.get(), "nothing may be fetched");
  }

  @Test
  void aSchemaThatImportsFromOutsideIsRefusedAndNothingFetched() {
    var importing =
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
            + "<xs:import namespace=\"urn:x\" schemaLocation=\""
            + url
            + "\"/><xs:element name=\"a\" type=\"xs:string\"/></xs:schema>";
    var including =
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:include schemaLocation=\""
            + url
            + "\"/><xs:element name=\"a\" xmlns:x=\"urn:x\" type=\"x:missing\"/></xs:schema>";
    assertThrows(InvalidSchemaException.class, () -> PayloadSchema.compile(including));
    try {
      PayloadSchema.compile(importing);
    } catch (InvalidSchemaException expected) {
      // refusing is as good as ignoring it
    }
    var doctype = "<!DOCTYPE xs:schema SYSTEM \"" + url + "\">" + XSD;
    assertThrows(InvalidSchemaException.class, () -> PayloadSchema.compile(doctype));
    assertEquals(0, hits.get(), "nothing may be fetched");
  }

  @Test
  void anInvalidSchemaIsRefusedWithItsPosition() {
    var broken =
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
            + "  <xs:element name=\"a\" type=\"xs:nosuchtype\"/>\n</xs:schema>";
    var e = assertThrows(InvalidSchemaException.class, () -> PayloadSchema.compile(broken));
    assertEquals(2, e.problem().line());
    assertThrows(InvalidSchemaException.class, () -> PayloadSchema.compile("<notaschema/>"));
    assertThrows(InvalidSchemaException.class, () -> PayloadSchema.compile("<xs:schema"));
  }

  @Test
  void documentationAndDeclaredElementsAreRead() {
    var schema = schema();
    assertEquals("An order of one item.", schema.documentation());
    assertTrue(schema.declares("order") && schema.declares("receipt") && !schema.declares("item"));
  }

  @Test
  void theCacheChecksThatTheTypesElementsAreDeclared() {
    var schemas = new PayloadSchemas();
    schemas.validate(
        new PayloadType("order", "receipt", XSD), "<order><item>a</item><qty>1</qty></order>");
    assertThrows(
        InvalidSchemaException.class, () -> schemas.of(new PayloadType("invoice", null, XSD)));
    assertThrows(
        InvalidSchemaException.class, () -> schemas.of(new PayloadType("order", "item", XSD)));
  }
}
