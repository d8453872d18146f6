/**
 * The shapes of Agentry's REST API as Java records, read and written as JSON by JSON-B. Response
 * records mirror what the server sends (members the server leaves out are null); request records
 * leave null members out of the JSON they make, so absent means "the server's default". Instants
 * are ISO-8601 UTC, amounts in USD, durations in the unit their name says.
 */
package org.agentry.client.model;
