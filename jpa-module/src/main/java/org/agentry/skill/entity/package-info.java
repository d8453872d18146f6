/**
 * Skills: named instructions (a {@code SKILL.md} text with YAML front matter and optional text
 * files) that agents listing them may load on demand. Only the stored state lives here; parsing,
 * ingest and discovery are in the ejb module's {@code skill} feature.
 */
package org.agentry.skill.entity;
