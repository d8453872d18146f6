/**
 * What the organism endpoints need besides other features' boundaries: the catalogue of the
 * server's settings, with the rule that hides secret values.
 */
package org.agentry.organism.control;
