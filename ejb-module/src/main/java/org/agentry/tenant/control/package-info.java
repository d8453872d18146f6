/**
 * The caller's tenant for the current request ({@link org.agentry.tenant.control.CallerTenant}).
 * Boundaries called by the API read it to stamp new rows and to filter what they find; work without
 * a caller (message consumers, timers, the sweeper) uses the tenant of the row it works on.
 */
package org.agentry.tenant.control;
