package org.agentry.run.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.provider.control.ChatModels;
import org.agentry.provider.control.PriceTable;
import org.agentry.provider.control.ProviderKeys;
import org.agentry.provider.entity.Provider;
import org.agentry.provider.entity.ProviderKind;
import org.agentry.telemetry.control.Tracing;

/**
 * Builds each provider's chat model once per agent configuration and keeps it: building one looks
 * up LangChain4j's factories through the service loader and makes an HTTP client, too costly for
 * every run. A provider that changes (or is deleted and created again) gets a new version or update
 * time, and so new models; superseded ones are dropped. Models are kept per tenant: two tenants'
 * providers of one name are different providers (their own keys and settings).
 */
@ApplicationScoped
public class ModelFactory {

  private record Key(
      String tenant,
      String provider,
      long version,
      Instant updatedAt,
      String model,
      Double temperature,
      Integer maxOutputTokens) {

    boolean supersedes(Key other) {
      return tenant.equals(other.tenant)
          && provider.equals(other.provider)
          && (version != other.version || !updatedAt.equals(other.updatedAt));
    }
  }

  private final ConcurrentHashMap<Key, ProviderModel> models = new ConcurrentHashMap<>();

  @Inject ProviderKeys keys;
  @Inject Tracing tracing;

  /**
   * The model the agent calls at this provider.
   *
   * @param provider the agent's provider as stored, with its sealed API key
   * @throws IllegalArgumentException if the provider's settings or the agent's model are unusable
   */
  public ProviderModel model(Provider provider, AgentSpec spec) {
    var key =
        new Key(
            provider.getTenant(),
            provider.getName(),
            provider.getVersion(),
            provider.getUpdatedAt(),
            spec.model(),
            spec.temperature(),
            spec.maxOutputTokens());
    var model = models.get(key);
    if (model != null) {
      return model;
    }
    models.keySet().removeIf(key::supersedes);
    return models.computeIfAbsent(key, k -> build(provider, spec));
  }

  private ProviderModel build(Provider provider, AgentSpec spec) {
    var settings = keys.settings(provider);
    var chatModel =
        ChatModels.create(settings, spec.model(), spec.temperature(), spec.maxOutputTokens());
    var kind = settings.kind().name().toLowerCase(Locale.ROOT);
    return new ProviderModel(
        provider.getName(),
        tracing.traced(chatModel, kind, provider.getName(), spec.model()),
        PriceTable.parse(provider.spec().prices()),
        settings.maxRetries(),
        settings.kind() != ProviderKind.ANTHROPIC);
  }
}
