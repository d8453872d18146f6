/**
 * Model providers as configured by admins: kind, endpoint, credentials, timeouts, retries and the
 * price table used to cost each model call. The API key is write-only: stored here, never shown.
 */
package org.agentry.provider.entity;
