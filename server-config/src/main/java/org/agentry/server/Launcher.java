package org.agentry.server;

import fish.payara.micro.PayaraMicro;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar agentry.jar}: starts Agentry on Payara Micro with the settings of {@link
 * ServerSettings}. The jar expects {@code lib/} beside it holding {@code payara-micro.jar}, the
 * ActiveMQ resource adapter and {@code ROOT.war}, as the build lays them out.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    ServerSettings settings;
    try {
      settings = ServerSettings.read(System.getProperties(), System.getenv());
      settings.checkSecretKeyFile(System.getProperties(), System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("agentry: " + e.getMessage());
      System.exit(2);
      return;
    }
    JvmAdvice.advice(
            Runtime.getRuntime().availableProcessors(),
            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        .ifPresent(System.err::println);
    createPrivateDirectory(settings.dataDir());
    RuntimeFiles.clearPayaraRoot(settings);
    var commands = RuntimeFiles.write(settings);
    applicationProperties(settings).forEach(System::setProperty);
    var options = new ArrayList<String>(microOptions(settings, libDirectory(), commands));
    options.addAll(List.of(args));
    SignalDrain.install();
    PayaraMicro.main(options.toArray(String[]::new));
  }

  /**
   * Creates the data directory with mode 0700 from the start (POSIX permissions given at creation),
   * as its missing parents; an existing directory is left as it is.
   */
  static void createPrivateDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      var mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
      Files.createDirectories(directory, mode);
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(directory);
    }
  }

  /** What the application reads through MicroProfile Config, resolved here once. */
  static java.util.Map<String, String> applicationProperties(ServerSettings settings) {
    return java.util.Map.of(
        "agentry.data.dir", settings.dataDir().toString(),
        "agentry.db.url", settings.effectiveDbUrl(),
        "agentry.db.user", settings.dbUser(),
        "agentry.db.password", settings.dbPassword(),
        "agentry.broker.url", settings.effectiveBrokerUrl(),
        "agentry.dispatch.concurrency", Integer.toString(settings.dispatchConcurrency()));
  }

  /** Payara Micro's command line: the resource adapter is deployed before the application. */
  static List<String> microOptions(ServerSettings settings, Path lib, Path commands) {
    var options = new ArrayList<String>();
    if (settings.clusterName().isPresent()) {
      options.addAll(List.of("--clustername", settings.clusterName().get()));
      settings.clusterMode().ifPresent(mode -> options.addAll(List.of("--clustermode", mode)));
    } else {
      options.add("--nocluster");
    }
    options.addAll(
        List.of(
            "--port", Integer.toString(settings.port()),
            "--rootdir", settings.dataDir().resolve("payara").toString(),
            "--prebootcommandfile", RuntimeFiles.preBootFile(commands).toString(),
            "--postbootcommandfile", commands.toString(),
            "--deploy", lib.resolve(RuntimeFiles.RESOURCE_ADAPTER + ".rar").toString(),
            "--deploy", lib.resolve("ROOT.war").toString()));
    return options;
  }

  private static Path libDirectory() throws IOException, URISyntaxException {
    var jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    var lib = jar.getParent().resolve("lib");
    if (!Files.isDirectory(lib)) {
      throw new IOException("missing " + lib + ": run the jar from the build's target folder");
    }
    return lib;
  }
}
