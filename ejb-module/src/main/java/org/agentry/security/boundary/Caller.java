package org.agentry.security.boundary;

import org.agentry.security.entity.Role;

/**
 * An authenticated caller.
 *
 * @param name {@code admin} for the bootstrap token, {@code api-key:<id>} for an API key
 * @param role the role the token carries
 */
public record Caller(String name, Role role) {}
