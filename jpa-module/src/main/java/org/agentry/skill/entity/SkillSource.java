package org.agentry.skill.entity;

/** Where a skill came from. */
public enum SkillSource {
  /** Posted over the API. */
  API,
  /** Found in the skills directory by discovery. */
  DIRECTORY
}
