package org.agentry.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * Writes what Payara Micro reads at boot into {@code <data dir>/runtime}: the embedded broker's
 * {@code broker.xml} and the post-boot asadmin commands that configure the resource adapter. The
 * commands file may hold the broker password, so it is readable by its owner only.
 */
public final class RuntimeFiles {

  /** The ActiveMQ resource adapter's name: Payara names a deployed RAR after its file. */
  public static final String RESOURCE_ADAPTER = "activemq-rar-6.1.8";

  private RuntimeFiles() {}

  /** The pre-boot commands file, beside the post-boot one that {@link #write} returns. */
  static Path preBootFile(Path postBootFile) {
    return postBootFile.resolveSibling("pre-boot.asadmin");
  }

  /**
   * Writes the files for these settings: the pre-boot commands ({@link #preBootFile}), the
   * post-boot commands and the embedded broker's configuration.
   *
   * @return the post-boot commands file
   * @throws IOException if the runtime directory cannot be written
   */
  public static Path write(ServerSettings settings) throws IOException {
    var runtime = Files.createDirectories(settings.dataDir().resolve("runtime"));
    var commands = runtime.resolve("post-boot.asadmin");
    writePrivate(preBootFile(commands), PRE_BOOT_COMMANDS);
    if (settings.embeddedBroker()) {
      var brokerXml = runtime.resolve("broker.xml");
      Files.writeString(brokerXml, brokerXml(settings.dataDir()), StandardCharsets.UTF_8);
      writePrivate(commands, postBootCommands(settings, brokerXml));
    } else {
      writePrivate(commands, postBootCommands(settings, null));
    }
    return commands;
  }

  /**
   * Empties Payara Micro's root directory ({@code <data dir>/payara}). It is scratch space: kept,
   * it would make Payara redeploy the previous start's archives before this start's, and refuse to
   * create the resource adapter configuration again.
   *
   * @throws IOException if it cannot be deleted
   */
  public static void clearPayaraRoot(ServerSettings settings) throws IOException {
    var root = settings.dataDir().resolve("payara");
    if (!Files.isDirectory(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  static String brokerXml(Path dataDir) throws IOException {
    try (InputStream in = RuntimeFiles.class.getResourceAsStream("broker.xml")) {
      var template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return template.replace("@DATA_DIR@", dataDir.toString());
    }
  }

  /**
   * Lets a body on a GET or DELETE reach the application (Grizzly refuses it with a bare 400
   * otherwise), where it is answered 400 {@code BODY_NOT_ALLOWED} as a problem.
   */
  static final String ALLOW_BODY_ON_ANY_METHOD =
      "set configs.config.server-config.network-config.protocols.protocol.http-listener.http"
          + ".allow-payload-for-undefined-http-methods=true";

  /**
   * The pre-boot asadmin commands: the HTTP listener's settings ({@link
   * #ALLOW_BODY_ON_ANY_METHOD}). They must not be post-boot commands: a change to the listener
   * after boot makes Grizzly restart it, and a connection arriving meanwhile (a readiness probe)
   * could leave the node with no listener at all while it reported itself ready — seen in about one
   * start in fifteen in the tests: no Grizzly thread left, every connection refused.
   */
  static final String PRE_BOOT_COMMANDS = ALLOW_BODY_ON_ANY_METHOD + "\n";

  /**
   * The post-boot asadmin commands: MicroProfile Metrics off (Payara Micro serves {@code /metrics}
   * to anyone, and its JVM, pool and thread figures are not for the public); on a node that joins
   * no cluster, the Hazelcast data grid off (Payara Micro starts it even with {@code --nocluster},
   * listening on port 6900 of every interface without authentication); then the resource adapter
   * pointed at the broker.
   */
  static String postBootCommands(ServerSettings settings, Path brokerXml) {
    var commands = new StringBuilder("set-metrics-configuration --enabled=false\n");
    if (settings.clusterName().isEmpty()) {
      commands.append("set-hazelcast-configuration --enabled=false --dynamic=true\n");
    }
    return commands.append(resourceAdapterCommand(settings, brokerXml)).toString();
  }

  /** The asadmin command that points the resource adapter at the broker. */
  static String resourceAdapterCommand(ServerSettings settings, Path brokerXml) {
    var properties = new ArrayList<String>();
    properties.add("ServerUrl=" + escape(settings.effectiveBrokerUrl()));
    if (brokerXml != null) {
      properties.add("BrokerXmlConfig=" + escape("xbean:file:" + brokerXml));
    }
    settings.brokerUser().ifPresent(u -> properties.add("UserName=" + escape(u)));
    settings.brokerPassword().ifPresent(p -> properties.add("Password=" + escape(p)));
    return "create-resource-adapter-config --property "
        + String.join(":", properties)
        + " "
        + RESOURCE_ADAPTER
        + "\n";
  }

  /** Escapes an asadmin property value: {@code \}, {@code :} and {@code =} take a backslash. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }

  private static void writePrivate(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
