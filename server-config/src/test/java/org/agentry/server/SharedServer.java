package org.agentry.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The one server the black-box test classes share, on PostgreSQL: started by the first class that
 * asks, stopped when the test JVM exits. Tests on it use names of their own, so they do not depend
 * on each other's order.
 */
final class SharedServer {

  /** The admin token, set through {@code AGENTRY_ADMIN_TOKEN}. */
  static final String ADMIN = "it-admin-" + UUID.randomUUID();

  /** The request body limit, set through {@code AGENTRY_HTTP_MAX_BODY_BYTES}. */
  static final int BODY_LIMIT = 64 * 1024;

  private static ServerProcess server;

  private SharedServer() {}

  static synchronized ServerProcess get() throws IOException, InterruptedException {
    if (server == null) {
      var work = ServerProcess.workDirectory("shared");
      var agents = Files.createDirectories(work.resolve("agents"));
      writePackage(agents.resolve("packaged"), "You are loaded from a package.");
      var skills = Files.createDirectories(work.resolve("skills"));
      var env = new java.util.HashMap<String, String>();
      env.put("AGENTRY_DB_URL", System.getProperty("agentry.it.db.url"));
      env.put("AGENTRY_DB_USER", System.getProperty("agentry.it.db.user", "postgres"));
      env.put("AGENTRY_DB_PASSWORD", System.getProperty("agentry.it.db.password", ""));
      env.put("AGENTRY_ADMIN_TOKEN", ADMIN);
      env.put("AGENTRY_HTTP_MAX_BODY_BYTES", Integer.toString(BODY_LIMIT));
      env.put("AGENTRY_AGENTS_DIR", agents.toString());
      env.put("AGENTRY_TOOLS_SHELL_ALLOW", "pwd,env,cat");
      env.put("AGENTRY_APPROVALS_EXPIRY", ApprovalsIT.EXPIRY);
      env.put("AGENTRY_SKILLS_DIR", skills.toString());
      // the fuzz, exposure and role tests refuse thousands of tokens on this one server: the
      // audit's cap on recorded sign-in failures would leave none for AuditIT
      env.put("AGENTRY_AUDIT_SIGNIN_FAILURES_PER_MINUTE", "1000000");
      var started = new ServerProcess(work.resolve("data"), env);
      Runtime.getRuntime().addShutdownHook(new Thread(SharedServer::stopQuietly));
      server = started.start();
    }
    return server;
  }

  /** A client of the shared server. */
  static Api api() throws IOException, InterruptedException {
    return new Api(get().base());
  }

  /** The directory the server loads agent packages from. */
  static Path agentsDir() throws IOException, InterruptedException {
    return get().dataDir.resolveSibling("agents");
  }

  /** The directory the server discovers skills in. */
  static Path skillsDir() throws IOException, InterruptedException {
    return get().dataDir.resolveSibling("skills");
  }

  static void writePackage(Path folder, String prompt) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("AGENT.md"), prompt);
    Files.writeString(
        folder.resolve("agent.json"),
        "{\"provider\":\"nowhere\",\"model\":\"m\",\"tools\":[\"current_time\"]}");
  }

  private static void stopQuietly() {
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
