package org.agentry.client.model;

/** {@code GET /api/v1/info}: the server's name, version and the kinds of database and broker. */
public record Info(String name, String version, String databaseKind, String brokerKind) {}
