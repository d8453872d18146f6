package org.agentry.server;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL counts for one database, for the task benchmark: committed transactions and rows
 * written from {@code pg_stat_database}, and statements from the server's log file when the
 * database has {@code log_statement = 'all'} (set by {@code bin/benchmark}) and the log's line
 * prefix names user and database ({@code %u@%d}, Debian's default). The counters are read over a
 * connection to the {@code postgres} database, so reading them adds nothing to the database
 * measured.
 */
final class DatabaseCounters {

  /**
   * How long PostgreSQL 15 may keep an idle backend's counters before it publishes them ({@code
   * PGSTAT_IDLE_INTERVAL}, 10 s), plus a margin.
   */
  private static final Duration SETTLE = Duration.ofSeconds(11);

  private static final Pattern TRANSACTION_CONTROL =
      Pattern.compile("\\s*(BEGIN|COMMIT|ROLLBACK)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * One reading.
   *
   * @param transactions transactions committed ({@code xact_commit})
   * @param rowsWritten rows inserted, updated and deleted
   * @param logBytes size of the log file in bytes, -1 without a log
   */
  record Reading(long transactions, long rowsWritten, long logBytes) {}

  /**
   * What happened between two readings.
   *
   * @param transactions transactions committed
   * @param rowsWritten rows inserted, updated and deleted
   * @param statements statements logged, without {@code BEGIN}, {@code COMMIT} and {@code
   *     ROLLBACK}; -1 when the log cannot tell
   */
  record Delta(long transactions, long rowsWritten, long statements) {}

  private final String monitorUrl;
  private final String database;
  private final String user;
  private final String password;
  private final Optional<Path> log;

  /**
   * @param url JDBC URL of the measured database, {@code jdbc:postgresql://host:port/name}
   * @param log PostgreSQL's log file, if it is to be read
   */
  DatabaseCounters(String url, String user, String password, Optional<Path> log) {
    var path = url.replaceFirst("\\?.*", "");
    this.database = path.substring(path.lastIndexOf('/') + 1);
    this.monitorUrl = path.substring(0, path.lastIndexOf('/') + 1) + "postgres";
    this.user = user;
    this.password = password;
    this.log = log.filter(Files::isReadable);
  }

  /** Waits 11 s for every backend's counters to be published, then reads them. */
  Reading settleAndRead() throws IOException, InterruptedException {
    Thread.sleep(SETTLE.toMillis());
    try (var connection = DriverManager.getConnection(monitorUrl, user, password);
        var query =
            connection.prepareStatement(
                "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted"
                    + " FROM pg_stat_database WHERE datname = ?")) {
      query.setString(1, database);
      try (var row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("no statistics for database " + database);
        }
        long logBytes = log.isPresent() ? Files.size(log.get()) : -1;
        return new Reading(row.getLong(1), row.getLong(2), logBytes);
      }
    } catch (SQLException e) {
      throw new IOException("cannot read pg_stat_database at " + monitorUrl, e);
    }
  }

  /** The difference from {@code before} to {@code after}, statements counted in the log. */
  Delta between(Reading before, Reading after) throws IOException {
    long statements = -1;
    if (log.isPresent() && before.logBytes() >= 0 && after.logBytes() >= before.logBytes()) {
      statements = countStatements(log.get(), before.logBytes(), after.logBytes());
    }
    return new Delta(
        after.transactions() - before.transactions(),
        after.rowsWritten() - before.rowsWritten(),
        statements > 0 ? statements : -1);
  }

  /** Statement lines ({@code … postgres@agentry_bench LOG: execute S_1: SELECT …}) in a range. */
  private long countStatements(Path file, long from, long to) throws IOException {
    var bytes = new byte[Math.toIntExact(to - from)];
    try (var in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(from);
      in.readFully(bytes);
    }
    var statement =
        Pattern.compile("@" + Pattern.quote(database) + " LOG:  (?:statement|execute [^:]*): (.*)");
    return new String(bytes, StandardCharsets.UTF_8)
        .lines()
        .map(statement::matcher)
        .filter(Matcher::find)
        .filter(line -> !TRANSACTION_CONTROL.matcher(line.group(1)).lookingAt())
        .count();
  }
}
