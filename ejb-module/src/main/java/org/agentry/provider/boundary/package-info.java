/**
 * Model providers as admins configure them, and the models each one offers. API keys are
 * write-only: they go into the provider layer, never back out, and are stored sealed; {@link
 * org.agentry.provider.boundary.ProviderKeySealing} seals older clear-text ones at startup.
 */
package org.agentry.provider.boundary;
