package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Typed XML payloads over HTTP on the shared server: an agent with an XML Schema, XML tasks and
 * chats validated before anything is stored (refusals name line and column), the schema endpoint,
 * XXE and entity-expansion payloads refused without a fetch, the bounded repair of the output
 * element, session messages as XML envelopes, and agent packages with {@code payload.xsd}.
 */
class XmlPayloadIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String XML = "application/xml";

  static final String XSD =
      """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <xs:annotation>
          <xs:documentation>A shop order: one item and how many.</xs:documentation>
        </xs:annotation>
        <xs:element name="order">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="item" type="xs:string"/>
              <xs:element name="qty" type="xs:positiveInteger"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
        <xs:element name="receipt">
          <xs:complexType>
            <xs:sequence><xs:element name="total" type="xs:decimal"/></xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:schema>
      """;

  static final String ORDER = "<order><item>tea</item><qty>2</qty></order>";
  static final String RECEIPT = "<receipt><total>7.00</total></receipt>";

  private static Api api;
  private static HttpServer bait;
  private static final AtomicInteger FETCHES = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    api = new Api(SharedServer.get().base());
    bait = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bait.createContext(
        "/",
        exchange -> {
          FETCHES.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    bait.start();
  }

  @AfterAll
  static void stop() {
    bait.stop(0);
  }

  /** An agent of a scripted provider whose final answers are {@code answers} (JSON strings). */
  static String typedAgent(String answers, String outputElement) throws Exception {
    var turns = Json.createArrayBuilder();
    for (var answer : answers.split("\\|")) {
      turns.add(Json.createObjectBuilder().add("text", answer));
    }
    var provider = AgentsIT.scriptedProvider(turns.build().toString());
    var payload = Json.createObjectBuilder().add("element", "order").add("schema", XSD);
    if (outputElement != null) {
      payload.add("outputElement", outputElement);
    }
    var name = "x-" + AgentsIT.shortId();
    var body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("systemPrompt", "You price orders.")
            .add("provider", provider)
            .add("model", "scripted")
            .add("payload", payload)
            .build()
            .toString();
    var created = api.post("/api/v1/agents", ADMIN, "application/json", body);
    assertEquals(201, created.status(), created.body());
    var shown = created.json().getJsonObject("payload");
    assertEquals("order", shown.getString("element"), created.body());
    return name;
  }

  static Api.Reply postXml(String path, String xml) throws Exception {
    return api.post(path, ADMIN, XML, xml);
  }

  static int tasksOf(String agent) throws Exception {
    return api.get("/api/v1/tasks?agent=" + agent, ADMIN).json().getJsonArray("items").size();
  }

  @Test
  void anXmlTaskIsValidatedRunAndAnsweredWithTheOutputElement() throws Exception {
    var agent = typedAgent(RECEIPT, "receipt");

    var schema = api.get("/api/v1/agents/" + agent + "/schema", ADMIN);
    assertEquals(200, schema.status(), schema.body());
    assertTrue(schema.contentType().startsWith(XML), schema.contentType());
    assertEquals(XSD, schema.body());

    var submitted = postXml("/api/v1/agents/" + agent + "/tasks", ORDER);
    assertEquals(202, submitted.status(), submitted.body());
    var task = TasksIT.awaitStatus(submitted.json().getString("taskId"), "completed");
    assertEquals(RECEIPT, task.getString("output"));
    assertEquals(ORDER, task.getString("input"));

    var session = task.getString("sessionId");
    var asJson = api.get("/api/v1/sessions/" + session + "/messages", ADMIN);
    assertTrue(asJson.contentType().startsWith("application/json"), asJson.contentType());
    assertEquals(2, ((JsonArray) asJson.structure()).size());

    var asXml =
        api.send(
            api.request("/api/v1/sessions/" + session + "/messages", ADMIN)
                .header("Accept", XML)
                .GET());
    assertEquals(200, asXml.status(), asXml.body());
    assertTrue(asXml.contentType().startsWith(XML), asXml.contentType());
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(asXml.body().getBytes(StandardCharsets.UTF_8)));
    var ns = "urn:agentry:envelope:1";
    var envelopes = document.getElementsByTagNameNS(ns, "envelope");
    assertEquals(2, envelopes.getLength(), asXml.body());
    assertEquals("user", document.getElementsByTagNameNS(ns, "from").item(0).getTextContent());
    assertEquals(agent, document.getElementsByTagNameNS(ns, "to").item(0).getTextContent());
    assertEquals(session, document.getElementsByTagNameNS(ns, "thread").item(0).getTextContent());
    var types = document.getElementsByTagNameNS(ns, "payloadType");
    assertEquals("order", types.item(0).getTextContent());
    assertEquals("receipt", types.item(1).getTextContent());
    assertEquals(1, document.getElementsByTagNameNS("*", "qty").getLength(), asXml.body());
  }

  @Test
  void anInjectedPayloadIsValidatedAndItsSenderIsTheEnvelopesFrom() throws Exception {
    var agent = typedAgent(RECEIPT, "receipt");
    var sender =
        api.post(
            "/api/v1/agents",
            ADMIN,
            "application/json",
            AgentsIT.agentJson(
                "xs-" + AgentsIT.shortId(),
                AgentsIT.scriptedProvider("[{\"text\":\"ok\"}]"),
                "[]",
                ",\"peers\":[\"" + agent + "\"]"));
    assertEquals(201, sender.status(), sender.body());
    var from = sender.json().getString("name");
    var inject = Json.createObjectBuilder().add("to", agent).add("from", from);

    var refused =
        api.post(
            "/api/v1/inject",
            ADMIN,
            "application/json",
            inject.add("payload", "<order><qty>1</qty></order>").build().toString());
    assertEquals(422, refused.status(), refused.body());
    assertEquals("XML_INVALID", refused.json().getString("code"), refused.body());
    assertEquals(0, api.get("/api/v1/sessions?agent=" + agent, ADMIN).json().getInt("total"));

    var injected =
        api.post(
            "/api/v1/inject",
            ADMIN,
            "application/json",
            Json.createObjectBuilder()
                .add("to", agent)
                .add("from", from)
                .add("payload", ORDER)
                .build()
                .toString());
    assertEquals(202, injected.status(), injected.body());
    var task = TasksIT.awaitStatus(injected.json().getString("taskId"), "completed");
    assertEquals(RECEIPT, task.getString("output"));
    var asXml =
        api.send(
            api.request("/api/v1/sessions/" + task.getString("sessionId") + "/messages", ADMIN)
                .header("Accept", XML)
                .GET());
    assertTrue(
        asXml.body().contains("<from>" + from + "</from><to>" + agent + "</to>"), asXml.body());
  }

  @Test
  void aJsonObjectOrAnXmlEnvelopeInjectedToATypedAgentBecomesItsPayload() throws Exception {
    var agent = typedAgent(RECEIPT + "|" + RECEIPT + "|" + RECEIPT, "receipt");
    var json =
        api.post(
            "/api/v1/inject",
            ADMIN,
            "application/json",
            "{\"to\":\"" + agent + "\",\"payload\":{\"item\":\"tea & milk\",\"qty\":2}}");
    assertEquals(202, json.status(), json.body());
    TasksIT.awaitStatus(json.json().getString("taskId"), "completed");
    var first = firstMessage(json.json().getString("threadId"));
    assertEquals("<order><item>tea &amp; milk</item><qty>2</qty></order>", first);

    var wrongShape =
        api.post(
            "/api/v1/inject",
            ADMIN,
            "application/json",
            "{\"to\":\"" + agent + "\",\"payload\":{\"qty\":2}}");
    assertEquals(422, wrongShape.status(), wrongShape.body());
    assertEquals("XML_INVALID", wrongShape.json().getString("code"));

    var envelope =
        "<envelope xmlns=\"urn:agentry:envelope:1\"><from>user</from><to>"
            + agent
            + "</to><payloadType>order</payloadType><payload><order><item>tea</item>"
            + "<qty>3</qty></order></payload></envelope>";
    var xml = postXml("/api/v1/inject", envelope);
    assertEquals(202, xml.status(), xml.body());
    TasksIT.awaitStatus(xml.json().getString("taskId"), "completed");
    assertEquals(
        "<order><item>tea</item><qty>3</qty></order>",
        firstMessage(xml.json().getString("threadId")));

    var invalid = postXml("/api/v1/inject", envelope.replace("<qty>3</qty>", "<qty>x</qty>"));
    assertEquals(422, invalid.status(), invalid.body());
    assertEquals("XML_INVALID", invalid.json().getString("code"));
    int fetches = FETCHES.get();
    var entity =
        "<?xml version=\"1.0\"?><!DOCTYPE envelope [<!ENTITY x SYSTEM \"http://127.0.0.1:"
            + bait.getAddress().getPort()
            + "/x\">]>"
            + envelope.replace("<item>tea</item>", "<item>&x;</item>");
    var refused = postXml("/api/v1/inject", entity);
    assertEquals(422, refused.status(), refused.body());
    assertEquals("XML_DOCTYPE_REFUSED", refused.json().getString("code"));
    assertEquals(fetches, FETCHES.get(), "nothing fetched");
    assertEquals(2, tasksOf(agent), "refused injects start no task");
  }

  private static String firstMessage(String thread) throws Exception {
    var reply = api.get("/api/v1/threads/" + thread + "/messages", ADMIN);
    assertEquals(200, reply.status(), reply.body());
    return reply.structure().asJsonArray().getJsonObject(0).getString("content");
  }

  @Test
  void anInvalidXmlTaskIsRefusedWithLineAndColumnAndNothingIsStored() throws Exception {
    var agent = typedAgent(RECEIPT, null);
    var bad = "<order>\n  <item>tea</item>\n  <qty>-1</qty>\n</order>";

    var refused = postXml("/api/v1/agents/" + agent + "/tasks", bad);

    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.contentType().startsWith("application/problem+json"));
    var problem = refused.json();
    assertEquals("XML_INVALID", problem.getString("code"));
    assertEquals(3, problem.getInt("line"), problem.toString());
    assertTrue(problem.getInt("column") > 0, problem.toString());
    assertTrue(problem.getString("validatorMessage").contains("cvc-"), problem.toString());
    assertTrue(problem.getString("detail").contains("line 3, column"), problem.toString());

    var malformed = postXml("/api/v1/agents/" + agent + "/tasks", "<order><item>tea</order>");
    assertEquals(422, malformed.status(), malformed.body());
    assertEquals("XML_NOT_WELL_FORMED", malformed.json().getString("code"));
    assertEquals(1, malformed.json().getInt("line"));

    var asJson =
        api.post(
            "/api/v1/agents/" + agent + "/tasks",
            ADMIN,
            "application/json",
            Json.createObjectBuilder().add("input", bad).build().toString());
    assertEquals(422, asJson.status(), asJson.body());

    var chat = postXml("/api/v1/agents/" + agent + "/chat", bad);
    assertEquals(422, chat.status(), chat.body());
    assertEquals(0, tasksOf(agent));
    var sessions = api.get("/api/v1/sessions?agent=" + agent, ADMIN).json();
    assertEquals(0, sessions.getInt("total"), sessions.toString());
  }

  @Test
  void externalEntitiesAndBillionLaughsAreRefusedAndNothingIsFetched() throws Exception {
    var agent = typedAgent(RECEIPT, null);
    var url = "http://127.0.0.1:" + bait.getAddress().getPort() + "/xxe";
    var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE order [\n");
    laughs.append(" <!ENTITY l0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      laughs.append(" <!ENTITY l").append(i).append(" \"");
      laughs.append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    laughs.append("]>\n<order><item>&l9;</item><qty>1</qty></order>");
    var payloads =
        new String[] {
          "<!DOCTYPE order [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
              + "<order><item>&x;</item><qty>1</qty></order>",
          "<!DOCTYPE order [<!ENTITY x SYSTEM \""
              + url
              + "\">]>"
              + "<order><item>&x;</item><qty>1</qty></order>",
          "<!DOCTYPE order [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><order/>",
          laughs.toString()
        };
    for (var payload : payloads) {
      for (var endpoint : new String[] {"tasks", "chat"}) {
        var refused = postXml("/api/v1/agents/" + agent + "/" + endpoint, payload);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("XML_DOCTYPE_REFUSED", refused.json().getString("code"), refused.body());
        assertFalse(refused.body().contains("root:"), refused.body());
        assertFalse(refused.body().contains("lollol"), refused.body());
      }
    }
    assertEquals(0, FETCHES.get(), "the server fetched an external entity");
    assertEquals(0, tasksOf(agent));
  }

  @Test
  void anInvalidSchemaIsRefusedWhenTheAgentIsCreated() throws Exception {
    var provider = AgentsIT.scriptedProvider("[{\"text\":\"ok\"}]");
    var broken = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n <xs:element/>";
    var undeclared = XSD;
    for (var payload :
        new String[] {
          Json.createObjectBuilder()
              .add("element", "order")
              .add("schema", broken)
              .build()
              .toString(),
          Json.createObjectBuilder()
              .add("element", "invoice")
              .add("schema", undeclared)
              .build()
              .toString(),
          Json.createObjectBuilder()
              .add("element", "order")
              .add(
                  "schema",
                  "<!DOCTYPE x SYSTEM \""
                      + "http://127.0.0.1:"
                      + bait.getAddress().getPort()
                      + "/xsd\">"
                      + XSD)
              .build()
              .toString()
        }) {
      var name = "x-" + AgentsIT.shortId();
      var body = AgentsIT.agentJson(name, provider, "[]", ",\"payload\":" + payload);
      var refused = api.post("/api/v1/agents", ADMIN, "application/json", body);
      assertEquals(422, refused.status(), refused.body());
      assertEquals("PAYLOAD_SCHEMA_INVALID", refused.json().getString("code"), refused.body());
      assertEquals(404, api.get("/api/v1/agents/" + name, ADMIN).status());
    }
    assertEquals(0, FETCHES.get(), "the server fetched a DTD");
  }

  @Test
  void aReplacementWithAnInvalidSchemaChangesNothing() throws Exception {
    var agent = typedAgent(RECEIPT, "receipt");
    var body =
        Json.createObjectBuilder()
            .add("systemPrompt", "You price orders.")
            .add("provider", api.get("/api/v1/agents/" + agent, ADMIN).json().getString("provider"))
            .add("model", "scripted")
            .add(
                "payload",
                Json.createObjectBuilder().add("element", "order").add("schema", "<xs:schema"))
            .build()
            .toString();

    var refused =
        api.send(
            api.request("/api/v1/agents/" + agent, ADMIN)
                .header("Content-Type", "application/json")
                .header("If-Match", "*")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));

    assertEquals(422, refused.status(), refused.body());
    assertEquals("PAYLOAD_SCHEMA_INVALID", refused.json().getString("code"));
    assertEquals(1, refused.json().getInt("line"), refused.body());
    assertEquals(XSD, api.get("/api/v1/agents/" + agent + "/schema", ADMIN).body());
    assertEquals(1, api.get("/api/v1/agents/" + agent, ADMIN).json().getInt("version"));
  }

  @Test
  void xmlForAnAgentWithoutAPayloadTypeIs415AndItHasNoSchema() throws Exception {
    var agent = AgentsIT.agent(AgentsIT.scriptedProvider("[{\"text\":\"ok\"}]"), "[]");

    var refused = postXml("/api/v1/agents/" + agent + "/tasks", ORDER);
    assertEquals(415, refused.status(), refused.body());
    assertEquals("XML_NOT_ACCEPTED", refused.json().getString("code"));
    var schema = api.get("/api/v1/agents/" + agent + "/schema", ADMIN);
    assertEquals(404, schema.status(), schema.body());
    assertEquals("PAYLOAD_SCHEMA_NOT_FOUND", schema.json().getString("code"));
    assertEquals(0, tasksOf(agent));
    var capability = api.get("/api/v1/capabilities/agent:" + agent, ADMIN).json();
    assertFalse(capability.containsKey("xmlSchema"), capability.toString());
  }

  @Test
  void aTypedAgentsCapabilityShowsItsElementAndXmlSchema() throws Exception {
    var agent = typedAgent(RECEIPT, null);
    var reply = api.get("/api/v1/capabilities/agent:" + agent, ADMIN);
    assertEquals(200, reply.status(), reply.body());
    var capability = reply.json();
    assertEquals("order", capability.getString("xmlElement"), reply.body());
    assertEquals(XSD, capability.getString("xmlSchema"));
    assertTrue(
        capability.getJsonObject("exampleInput").getString("input").startsWith("<order>"),
        reply.body());
  }

  @Test
  void anOutputThatStaysInvalidFailsTheTaskAfterTheRepairs() throws Exception {
    var agent = typedAgent("no receipt, sorry", "receipt");

    var submitted = postXml("/api/v1/agents/" + agent + "/tasks", ORDER);
    assertEquals(202, submitted.status(), submitted.body());

    var task = TasksIT.awaitStatus(submitted.json().getString("taskId"), "failed");
    assertEquals("OUTPUT_INVALID", task.getJsonObject("error").getString("code"), task.toString());
    assertEquals("output_invalid", task.getString("stopReason"));
    assertEquals(3, task.getJsonObject("usage").getInt("iterations"), task.toString());
    var messages =
        (JsonArray)
            api.get("/api/v1/sessions/" + task.getString("sessionId") + "/messages", ADMIN)
                .structure();
    assertEquals(6, messages.size(), messages.toString()); // the payload, 3 answers, 2 repairs
  }

  @Test
  void anXmlChatIsValidatedAndAnswered() throws Exception {
    var agent = typedAgent("not yet|" + RECEIPT, "receipt");

    var reply = postXml("/api/v1/agents/" + agent + "/chat", ORDER);

    assertEquals(200, reply.status(), reply.body());
    assertEquals(RECEIPT, reply.json().getString("reply"));
    assertEquals(2, reply.json().getInt("iterations"));
    var session = reply.json().getString("sessionId");
    var messages =
        (JsonArray) api.get("/api/v1/sessions/" + session + "/messages", ADMIN).structure();
    var roles = messages.stream().map(m -> m.asJsonObject().getString("role")).toList();
    assertEquals(java.util.List.of("user", "assistant", "user", "assistant"), roles);
    var repair = messages.getJsonObject(2).getString("content");
    assertTrue(repair.contains("not a valid <receipt>") && repair.contains("line 1"), repair);
  }

  @Test
  void aPackageWithPayloadXsdIsLoadedAndExportedAndABrokenSchemaIsReported() throws Exception {
    var name = "xp-" + AgentsIT.shortId();
    var good = SharedServer.agentsDir().resolve(name);
    var broken = SharedServer.agentsDir().resolve(name + "-broken");
    var definition =
        "{\"provider\":\"nowhere\",\"model\":\"m\","
            + "\"payload\":{\"element\":\"order\",\"outputElement\":\"receipt\"}}";
    try {
      for (var folder : java.util.List.of(good, broken)) {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("AGENT.md"), "You price orders.");
        Files.writeString(folder.resolve("agent.json"), definition);
      }
      Files.writeString(good.resolve("payload.xsd"), XSD);
      Files.writeString(broken.resolve("payload.xsd"), XSD.replace("name=\"receipt\"", ""));

      var report = api.post("/api/v1/agents/reload", ADMIN, "application/json", "").json();

      assertTrue(
          report.getJsonArray("added").toString().contains("\"" + name + "\""), report.toString());
      var error = report.getJsonObject("errors").getString(name + "-broken");
      assertTrue(error.startsWith("payload.xsd: "), error);
      assertEquals(XSD, api.get("/api/v1/agents/" + name + "/schema", ADMIN).body());
      var zip = api.send(api.request("/api/v1/agents/" + name + "/package", ADMIN).GET());
      assertEquals(200, zip.status());
      assertTrue(zip.body().contains(name + "/payload.xsd")); // names are stored uncompressed
    } finally {
      for (var folder : java.util.List.of(good, broken)) {
        for (var file : new String[] {"AGENT.md", "agent.json", "payload.xsd"}) {
          Files.deleteIfExists(folder.resolve(file));
        }
        Files.deleteIfExists(folder);
      }
      api.post("/api/v1/agents/reload", ADMIN, "application/json", "");
    }
  }
}
