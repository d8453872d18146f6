/**
 * The skills registry: list, read, store (zip or JSON), delete and discover skills from {@code
 * agentry.skills.dir}. It does not decide which agent may load which skill; that is the {@code
 * load_skill} tool's check against the agent's {@code skills}.
 */
package org.agentry.skill.boundary;
