package org.agentry.security.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.agentry.security.boundary.ApiKeys;
import org.agentry.tenant.control.CallerTenant;

/**
 * Validates bearer tokens against the admin token and the API keys. A caller's groups are the names
 * of every role its role includes, so {@code admin} is also in {@code operator} and {@code viewer}.
 * The caller's tenant (its key's; the admin token's is the default, as a platform admin) goes to
 * {@link CallerTenant}.
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

  @Inject ApiKeys apiKeys;

  @Inject CallerTenant tenant;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof BearerTokenCredential bearer)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return apiKeys
        .authenticate(bearer.token())
        .map(
            c -> {
              tenant.signedIn(c.tenant(), c.platformAdmin());
              return new CredentialValidationResult(c.name(), c.role().grantedRoleNames());
            })
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
