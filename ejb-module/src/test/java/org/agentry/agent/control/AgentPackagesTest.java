package org.agentry.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentPackagesTest {

  @TempDir Path dir;

  @Test
  void readsPackagesAndReportsBrokenOnes() throws Exception {
    write(
        "helper",
        "You help.",
        "{\"provider\":\"p\",\"model\":\"m\",\"tools\":[\"current_time\"],"
            + "\"limits\":{\"maxIterations\":4}}");
    write("broken", "x", "{\"provider\":\"p\"}");
    Files.createDirectories(dir.resolve("not-a-package"));

    var scan = AgentPackages.scan(dir);

    assertEquals(1, scan.packages().size());
    var helper = scan.packages().get(0);
    assertEquals("helper", helper.name());
    assertEquals("You help.", helper.spec().systemPrompt());
    assertEquals(List.of("current_time"), helper.spec().tools());
    assertEquals(4, helper.spec().limits().maxIterations());
    assertEquals(300, helper.spec().limits().maxDurationSeconds());
    assertTrue(scan.errors().get("broken").contains("model"));
  }

  @Test
  void peersAreReadAndExported() throws Exception {
    var spec =
        AgentPackages.read(
                write("b", "Prompt.", "{\"provider\":\"p\",\"model\":\"m\",\"peers\":[\"notes\"]}"))
            .spec();
    assertEquals(List.of("notes"), spec.peers());
    assertTrue(AgentPackages.definitionJson(spec).contains("\"peers\":[\"notes\"]"));
    var none = AgentPackages.read(write("c", "Prompt.", "{\"provider\":\"p\",\"model\":\"m\"}"));
    assertEquals(List.of(), none.spec().peers());
    assertTrue(!AgentPackages.definitionJson(none.spec()).contains("peers"));
  }

  @Test
  void digestChangesWithEitherFile() throws Exception {
    var folder = write("a", "one", "{\"provider\":\"p\",\"model\":\"m\"}");
    var first = AgentPackages.read(folder).digest();
    Files.writeString(folder.resolve("AGENT.md"), "two");
    assertNotEquals(first, AgentPackages.read(folder).digest());
  }

  @Test
  void exportsWhatItReads() throws Exception {
    var spec =
        AgentPackages.read(write("a", "Prompt.", "{\"provider\":\"p\",\"model\":\"m\"}")).spec();
    var zip = AgentPackages.zip("a", spec);

    var exported = dir.resolve("exported");
    try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        var target = exported.resolve(entry.getName());
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
    assertEquals(spec, AgentPackages.read(exported.resolve("a")).spec());
  }

  private static final String XSD =
      "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
          + "<xs:element name=\"order\" type=\"xs:string\"/></xs:schema>";

  @Test
  void aPayloadSchemaBesideTheDefinitionIsReadDigestedAndExported() throws Exception {
    var folder =
        write(
            "typed",
            "P.",
            "{\"provider\":\"p\",\"model\":\"m\",\"payload\":{\"element\":\"order\"}}");
    Files.writeString(folder.resolve("payload.xsd"), XSD);

    var read = AgentPackages.read(folder);
    assertEquals("order", read.spec().payload().element());
    assertEquals(XSD, read.spec().payload().schema());
    Files.writeString(folder.resolve("payload.xsd"), XSD + " ");
    assertNotEquals(read.digest(), AgentPackages.read(folder).digest());

    var exported = dir.resolve("exported");
    try (var in =
        new ZipInputStream(new ByteArrayInputStream(AgentPackages.zip("t", read.spec())))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        var target = exported.resolve(entry.getName());
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
    assertEquals(read.spec(), AgentPackages.read(exported.resolve("t")).spec());
  }

  @Test
  void aSchemaWithoutAnElementOrAnElementWithoutASchemaIsBroken() throws Exception {
    var folder = write("half", "P.", "{\"provider\":\"p\",\"model\":\"m\"}");
    Files.writeString(folder.resolve("payload.xsd"), XSD);
    write(
        "other", "P.", "{\"provider\":\"p\",\"model\":\"m\",\"payload\":{\"element\":\"order\"}}");

    var scan = AgentPackages.scan(dir);

    assertTrue(scan.packages().isEmpty(), scan.toString());
    assertTrue(scan.errors().get("half").contains("payload.xsd"), scan.errors().toString());
    assertTrue(scan.errors().containsKey("other"), scan.errors().toString());
  }

  private Path write(String name, String prompt, String json) throws Exception {
    var folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(folder.resolve("AGENT.md"), prompt);
    Files.writeString(folder.resolve("agent.json"), json);
    return folder;
  }
}
