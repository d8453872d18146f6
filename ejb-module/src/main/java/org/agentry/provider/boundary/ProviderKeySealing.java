package org.agentry.provider.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At startup, after the schema migration, seals the provider API keys still stored in clear text
 * (rows from before sealing; Flyway's SQL cannot encrypt) and seals anew those sealed with a
 * previous key, so that after one start with the new key the old one may be dropped. A key that
 * cannot be opened is left as it is and reported; this does not stop the start.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProviderKeySealing {

  private static final Logger LOG = Logger.getLogger(ProviderKeySealing.class.getName());

  @Inject Providers providers;

  @PostConstruct
  void sealAtStartup() {
    var report = providers.resealKeys();
    if (report.resealed() > 0 || !report.unreadable().isEmpty()) {
      LOG.info(() -> "Provider API keys sealed with the current key: " + report.resealed());
    }
    if (!report.unreadable().isEmpty()) {
      LOG.warning(
          () ->
              "Provider API keys that cannot be opened with the configured keys (set them again,"
                  + " or list their key in agentry.secret.key.previous): "
                  + report.unreadable());
    }
  }
}
