package org.agentry.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long audit rows are kept: {@code agentry.audit.retention}, an ISO-8601 duration (default
 * {@code P400D}, 400 days), like {@code agentry.approvals.expiry}.
 */
@ApplicationScoped
public class AuditRetention {

  @Inject
  @ConfigProperty(name = "agentry.audit.retention", defaultValue = "P400D")
  String setting;

  private Duration retention;

  /**
   * @throws IllegalArgumentException if the setting is not a positive ISO-8601 duration
   */
  @PostConstruct
  void read() {
    retention = parse(setting);
  }

  /**
   * Parses a retention.
   *
   * @throws IllegalArgumentException if the text is not a positive ISO-8601 duration
   */
  static Duration parse(String text) {
    Duration d;
    try {
      d = Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "agentry.audit.retention must be an ISO-8601 duration such as P400D", e);
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("agentry.audit.retention must be positive");
    }
    return d;
  }

  /** The instant before which rows are deleted, as of {@code now}. */
  public Instant cutoff(Instant now) {
    return now.minus(retention);
  }
}
