package org.agentry.payload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class JsonToXmlTest {

  private static String convert(String element, String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return JsonToXml.convert(element, reader.readObject());
    }
  }

  @Test
  void membersBecomeElementsInOrderAndArraysRepeat() {
    assertEquals(
        "<order><item>tea</item><qty>2</qty><tag>a</tag><tag>b</tag>"
            + "<ship><city>Oslo</city><express>true</express></ship></order>",
        convert(
            "order",
            "{\"item\":\"tea\",\"qty\":2,\"tag\":[\"a\",\"b\"],"
                + "\"ship\":{\"city\":\"Oslo\",\"express\":true},\"note\":null}"));
  }

  @Test
  void atMembersBecomeAttributesAndTextIsEscaped() {
    assertEquals(
        "<price currency=\"EUR\"><amount>1 &lt; 2 &amp; 3</amount></price>",
        convert("price", "{\"amount\":\"1 < 2 & 3\",\"@currency\":\"EUR\"}"));
  }

  @Test
  void whatHasNoXmlFormIsRefused() {
    for (var json :
        new String[] {
          "{\"a b\":1}", "{\"1st\":1}", "{\"x:y\":1}", "{\"list\":[[1]]}", "{\"@a\":{\"b\":1}}"
        }) {
      var refused = assertThrows(InvalidPayloadException.class, () -> convert("order", json));
      assertEquals("XML_INVALID", refused.code(), json);
    }
    assertThrows(InvalidPayloadException.class, () -> convert("<order>", "{}"));
  }
}
