package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeFilesTest {

  @TempDir Path dataDir;

  @Test
  void escapesAsadminPropertyValues() {
    assertEquals("tcp\\://mq\\:61616?a\\=b", RuntimeFiles.escape("tcp://mq:61616?a=b"));
  }

  @Test
  void embeddedBrokerGetsItsConfigurationInTheDataDirectory() throws Exception {
    var commands = RuntimeFiles.write(settings(Map.of()));

    var brokerXml = Files.readString(dataDir.resolve("runtime/broker.xml"));
    assertTrue(brokerXml.contains("prioritizedMessages=\"true\""));
    assertTrue(brokerXml.contains(dataDir + "/broker/kahadb"));
    assertFalse(brokerXml.contains("@DATA_DIR@"));
    var text = Files.readString(commands);
    assertTrue(text.startsWith("set-metrics-configuration --enabled=false\n"), text);
    assertTrue(text.contains("\nset-hazelcast-configuration --enabled=false --dynamic=true\n"));
    assertTrue(text.contains("\ncreate-resource-adapter-config --property ServerUrl=vm\\://"));
    assertTrue(text.contains("BrokerXmlConfig=xbean\\:file\\:" + dataDir));
    assertTrue(text.trim().endsWith(" activemq-rar-6.1.8"));
  }

  @Test
  void externalBrokerCredentialsStayInAnOwnerOnlyFile() throws Exception {
    var env =
        Map.of(
            "AGENTRY_BROKER_URL", "tcp://mq:61616",
            "AGENTRY_BROKER_USER", "agentry",
            "AGENTRY_BROKER_PASSWORD", "s3cret");
    var commands = RuntimeFiles.write(settings(env));

    var text = Files.readString(commands);
    assertTrue(
        text.contains(
            "ServerUrl=tcp\\://mq\\:61616?jms.prefetchPolicy.queuePrefetch\\=8"
                + ":UserName=agentry:Password=s3cret"),
        text);
    assertFalse(text.contains("BrokerXmlConfig"));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(commands)));
  }

  @Test
  void clearsPayaraScratchSpaceOnly() throws Exception {
    Files.createDirectories(dataDir.resolve("payara/applications/ROOT"));
    Files.writeString(dataDir.resolve("admin-token"), "x");
    RuntimeFiles.clearPayaraRoot(settings(Map.of()));
    assertFalse(Files.exists(dataDir.resolve("payara")));
    assertTrue(Files.exists(dataDir.resolve("admin-token")));
  }

  @Test
  void aClusteredNodeKeepsItsDataGridAndNoNodeKeepsMetrics() throws Exception {
    var text = Files.readString(RuntimeFiles.write(settings(Map.of("AGENTRY_CLUSTER_NAME", "c"))));

    assertTrue(text.startsWith("set-metrics-configuration --enabled=false\n"), text);
    assertFalse(text.contains("set-hazelcast-configuration"), text);
  }

  @Test
  void theDataDirectoryIsCreatedForItsOwnerOnly() throws Exception {
    var created = dataDir.resolve("fresh/data");

    Launcher.createPrivateDirectory(created);

    assertEquals(
        "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
  }

  private ServerSettings settings(Map<String, String> env) {
    var system = new Properties();
    system.setProperty("agentry.data.dir", dataDir.toString());
    return ServerSettings.read(system, env);
  }
}
