/**
 * Reading skills ({@code SKILL.md} front matter, zips and folders with their safety caps) and the
 * {@code load_skill} tool that gives an agent's model a skill's text on demand.
 */
package org.agentry.skill.control;
