package org.agentry.audit.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling in the current HTTP request, set by the web layer once the caller is
 * authenticated. Outside an API request (timers, message consumers) it stays empty.
 */
@RequestScoped
public class AuditOrigin {

  private String subject;
  private String authMethod;
  private String tenant;
  private String clientAddress;

  /**
   * Sets the caller.
   *
   * @param subject the container's caller name: {@code admin}, {@code api-key:<id>} or {@code
   *     oidc:<sub>}
   * @param authMethod {@code admin-token}, {@code api-key}, {@code oidc} or {@code session}
   * @param tenant the caller's tenant
   * @param clientAddress the client's IP address
   */
  public void set(String subject, String authMethod, String tenant, String clientAddress) {
    this.subject = subject;
    this.authMethod = authMethod;
    this.tenant = tenant;
    this.clientAddress = clientAddress;
  }

  /** Whether an API caller is known. */
  public boolean known() {
    return subject != null;
  }

  public String subject() {
    return subject;
  }

  public String authMethod() {
    return authMethod;
  }

  public String tenant() {
    return tenant;
  }

  public String clientAddress() {
    return clientAddress;
  }
}
