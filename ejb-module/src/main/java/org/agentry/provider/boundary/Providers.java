package org.agentry.provider.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.agentry.agent.entity.Agent;
import org.agentry.audit.control.AuditLog;
import org.agentry.platform.boundary.StaleVersionException;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Jsons;
import org.agentry.provider.control.ModelLister;
import org.agentry.provider.control.PriceTable;
import org.agentry.provider.control.ProviderException;
import org.agentry.provider.control.ProviderKeys;
import org.agentry.provider.control.ScriptedTurn;
import org.agentry.provider.entity.Provider;
import org.agentry.provider.entity.ProviderSpec;
import org.agentry.security.control.SecretUnreadableException;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.entity.TenantKey;

/** Model providers: create, read, replace, delete, and list their models. */
@Stateless
public class Providers {

  @Inject AuditLog audit;

  /** The models one provider reports, or why it could not say. */
  public record ProviderModels(String provider, String kind, List<String> models, String error) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject ProviderKeys keys;

  @Inject CallerTenant tenant;

  /**
   * What {@link #resealKeys} did.
   *
   * @param resealed keys sealed with the current key now
   * @param unreadable providers whose stored key could not be opened, each with the reason
   */
  public record ResealReport(int resealed, List<String> unreadable) {}

  /** Every provider of the caller's tenant, by name. */
  public List<Provider> list() {
    return em.createNamedQuery(Provider.FIND_ALL, Provider.class)
        .setParameter("tenant", tenant.id())
        .getResultList();
  }

  /**
   * The named provider.
   *
   * @throws UnknownResourceException if there is none
   */
  public Provider get(String name) {
    var provider = name == null ? null : em.find(Provider.class, new TenantKey(tenant.id(), name));
    if (provider == null) {
      throw new UnknownResourceException("provider", name);
    }
    return provider;
  }

  /**
   * Creates a provider.
   *
   * @param apiKey the secret key in clear, or null; it is stored sealed
   * @throws StateConflictException {@code PROVIDER_EXISTS} if the name is taken
   * @throws InvalidInputException if the price table or scripted turns are malformed
   */
  public Provider create(String name, ProviderSpec spec, String apiKey) {
    audit.record("provider.create", "provider", name, apiKey == null ? null : "apiKey set");
    if (name != null && em.find(Provider.class, new TenantKey(tenant.id(), name)) != null) {
      throw new StateConflictException(
          "PROVIDER_EXISTS", "A provider '" + name + "' exists already.");
    }
    check(spec);
    var provider = new Provider(tenant.id(), name, spec, keys.seal(name, apiKey), clock.instant());
    checkSettings(provider);
    em.persist(provider);
    em.flush();
    return provider;
  }

  /**
   * Replaces a provider's settings; a null {@code apiKey} keeps the stored one, an empty one
   * removes it.
   *
   * @param expectedVersion the version the caller read, or null to skip the check
   * @throws StaleVersionException if the provider changed since
   */
  public Provider replace(String name, Long expectedVersion, ProviderSpec spec, String apiKey) {
    audit.record("provider.update", "provider", name, apiKey == null ? null : "apiKey set");
    var provider = get(name);
    if (expectedVersion != null && provider.getVersion() != expectedVersion) {
      throw new StaleVersionException("provider", name);
    }
    check(spec);
    provider.reconfigure(spec, keys.seal(name, apiKey), clock.instant());
    checkSettings(provider);
    em.flush();
    return provider;
  }

  /**
   * Deletes a provider.
   *
   * @throws StateConflictException {@code PROVIDER_IN_USE} while an agent uses it
   */
  public void delete(String name) {
    audit.record("provider.delete", "provider", name);
    var provider = get(name);
    var users =
        em
            .createNamedQuery(Agent.FIND_ALL, Agent.class)
            .setParameter("tenant", tenant.id())
            .getResultList()
            .stream()
            .filter(a -> a.spec().provider().equals(name))
            .map(Agent::getName)
            .toList();
    if (!users.isEmpty()) {
      throw new StateConflictException(
          "PROVIDER_IN_USE", "Agents " + users + " use this provider; change them first.");
    }
    em.remove(provider);
  }

  /**
   * Seals every provider API key stored in clear text or with a previous key anew with the current
   * key. Each row is updated only if it still holds what was read, so nodes starting at once do not
   * overwrite each other; the version is left alone (the key is the same).
   */
  public ResealReport resealKeys() {
    int resealed = 0;
    var unreadable = new ArrayList<String>();
    for (var provider :
        em.createQuery("SELECT p FROM Provider p", Provider.class).getResultList()) {
      try {
        var sealed = keys.resealed(provider);
        if (sealed.isPresent()) {
          resealed +=
              em.createNativeQuery(
                      "UPDATE provider SET api_key = ?1 WHERE tenant = ?4 AND name = ?2"
                          + " AND api_key = ?3")
                  .setParameter(1, sealed.get())
                  .setParameter(2, provider.getName())
                  .setParameter(3, provider.sealedApiKey())
                  .setParameter(4, provider.getTenant())
                  .executeUpdate();
        }
      } catch (SecretUnreadableException e) {
        unreadable.add(provider.getName() + ": " + e.getMessage());
      }
    }
    em.getEntityManagerFactory().getCache().evict(Provider.class);
    return new ResealReport(resealed, unreadable);
  }

  /** The models every provider reports; a provider that cannot be reached says why. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<ProviderModels> models() {
    return list().stream().map(this::modelsOf).toList();
  }

  private ProviderModels modelsOf(Provider provider) {
    var kind = provider.spec().kind().apiName();
    try {
      var models = new ModelLister().models(keys.settings(provider));
      return new ProviderModels(provider.getName(), kind, models, null);
    } catch (ProviderException | IllegalArgumentException e) {
      return new ProviderModels(provider.getName(), kind, List.of(), e.getMessage());
    }
  }

  private static void check(ProviderSpec spec) {
    try {
      PriceTable.parse(spec.prices());
      if (spec.scriptedTurns() != null) {
        try (var reader = Jsons.createReader(spec.scriptedTurns())) {
          ScriptedTurn.parseAll(reader.readArray());
        }
      }
    } catch (IllegalArgumentException | JsonException | ClassCastException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  private void checkSettings(Provider provider) {
    try {
      keys.settings(provider);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }
}
