package org.agentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps refused sign-ins from flooding the audit log: the same credential from the same address is
 * recorded once per {@value #REPEAT_SECONDS} seconds, and no more than {@code
 * agentry.audit.signin-failures-per-minute} (default {@value #PER_MINUTE}) refusals a minute are
 * recorded on this node. A client retrying a revoked key in a loop leaves one row a minute, not
 * thousands.
 */
@ApplicationScoped
public class SignInThrottle {

  static final int REPEAT_SECONDS = 60;
  static final int PER_MINUTE = 120;

  private final Map<String, Instant> seen = new LinkedHashMap<>();
  private Instant windowStart = Instant.EPOCH;
  private int inWindow;
  private final Clock clock;
  private final int perMinute;

  public SignInThrottle() {
    this(
        Clock.systemUTC(),
        ConfigProvider.getConfig()
            .getOptionalValue("agentry.audit.signin-failures-per-minute", Integer.class)
            .orElse(PER_MINUTE));
  }

  SignInThrottle(Clock clock) {
    this(clock, PER_MINUTE);
  }

  SignInThrottle(Clock clock, int perMinute) {
    this.clock = clock;
    this.perMinute = perMinute;
  }

  /**
   * Whether to record this refusal.
   *
   * @param key what tells repeats apart, e.g. the client's address and the credential's digest
   */
  public synchronized boolean admit(String key) {
    var now = clock.instant();
    forgetBefore(now.minusSeconds(REPEAT_SECONDS));
    if (Duration.between(windowStart, now).toSeconds() >= 60) {
      windowStart = now;
      inWindow = 0;
    }
    if (seen.containsKey(key) || inWindow >= perMinute) {
      return false;
    }
    seen.put(key, now);
    inWindow++;
    return true;
  }

  private void forgetBefore(Instant limit) {
    for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
      if (it.next().isAfter(limit)) {
        return; // insertion order is time order
      }
      it.remove();
    }
  }
}
