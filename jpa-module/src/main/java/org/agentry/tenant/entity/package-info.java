/**
 * Tenants: the name every tenant-owned row carries in its {@code tenant} column, and the rules for
 * such a name. A tenant is not a row of its own: it exists while something belongs to it.
 */
package org.agentry.tenant.entity;
