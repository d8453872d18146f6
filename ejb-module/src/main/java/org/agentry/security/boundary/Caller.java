package org.agentry.security.boundary;

import org.agentry.security.entity.Role;

/**
 * An authenticated caller.
 *
 * @param name {@code admin} for the bootstrap token, {@code api-key:<id>} for an API key
 * @param role the role the token carries
 * @param tenant the tenant it belongs to: the key's; {@code default} for the admin token
 * @param platformAdmin whether it may act across tenants (the admin token)
 */
public record Caller(String name, Role role, String tenant, boolean platformAdmin) {}
