/**
 * Model providers as admins configure them, and the models each one offers. API keys are
 * write-only: they go into the provider layer, never back out.
 */
package org.agentry.provider.boundary;
