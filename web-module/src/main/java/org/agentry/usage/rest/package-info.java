/** {@code /api/v1/usage}: usage totals and breakdowns, the CSV export and the admin reset. */
package org.agentry.usage.rest;
