/**
 * The audit log's rows: who changed what, when, from where, with what outcome. Rows are written
 * once and never changed; they hold no secret.
 */
package org.agentry.audit.entity;
