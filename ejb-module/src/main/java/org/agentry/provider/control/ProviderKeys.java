package org.agentry.provider.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.provider.entity.Provider;
import org.agentry.security.control.SecretKeys;
import org.agentry.security.control.SecretUnreadableException;

/**
 * Providers' API keys at rest: sealed with the secret key ({@link SecretKeys}) before they are
 * stored, opened only to build what calls the provider. Each key is sealed for its provider's name
 * ({@code provider:<name>:apiKey}), so a sealed key copied to another provider's row does not open.
 */
@ApplicationScoped
public class ProviderKeys {

  /** The longest accepted API key: 4096 characters. */
  public static final int MAX_LENGTH = 4096;

  @Inject SecretKeys secretKeys;

  /** For CDI. */
  public ProviderKeys() {}

  /** Sealing with the given keys. */
  public ProviderKeys(SecretKeys secretKeys) {
    this.secretKeys = secretKeys;
  }

  /**
   * The form to store for an API key given to the API: {@code null} (keep the stored one) and
   * {@code ""} (remove it) as they are, anything else sealed.
   *
   * @throws InvalidInputException if it is longer than {@value #MAX_LENGTH} characters
   */
  public String seal(String providerName, String apiKey) {
    InvalidInputException.check(
        apiKey == null || apiKey.length() <= MAX_LENGTH,
        "'apiKey' must be at most " + MAX_LENGTH + " characters");
    if (apiKey == null || apiKey.isEmpty()) {
      return apiKey;
    }
    return secretKeys.cipher().seal(apiKey, context(providerName));
  }

  /**
   * The provider's API key in clear, or {@code null} if it has none.
   *
   * @throws IllegalArgumentException if the stored key cannot be opened (its key is not configured
   *     or it was altered): set the API key again
   */
  public String open(Provider provider) {
    var stored = provider.sealedApiKey();
    if (stored == null) {
      return null;
    }
    try {
      return secretKeys.cipher().open(stored, context(provider.getName()));
    } catch (SecretUnreadableException e) {
      throw new IllegalArgumentException(
          "the stored apiKey cannot be read (" + e.getMessage() + "); set it again", e);
    }
  }

  /**
   * What it takes to call the provider, its API key opened.
   *
   * @throws IllegalArgumentException if the stored settings break a rule of {@link
   *     ProviderSettings} or the key cannot be opened
   */
  public ProviderSettings settings(Provider provider) {
    return ProviderSettings.of(provider, open(provider));
  }

  /**
   * The provider's key sealed anew with the current key, if it is stored in clear (from before
   * sealing) or sealed with a previous key; empty if it has none or needs nothing.
   *
   * @throws SecretUnreadableException if the stored key cannot be opened
   */
  public Optional<String> resealed(Provider provider) {
    var stored = provider.sealedApiKey();
    var cipher = secretKeys.cipher();
    if (stored == null || cipher.isCurrent(stored)) {
      return Optional.empty();
    }
    var context = context(provider.getName());
    return Optional.of(cipher.seal(cipher.open(stored, context), context));
  }

  /** The associated data a provider's key is sealed with. */
  public static String context(String providerName) {
    return "provider:" + providerName + ":apiKey";
  }
}
