package org.agentry.skill.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import org.agentry.audit.control.AuditLog;
import org.agentry.platform.boundary.StaleVersionException;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.skill.control.SkillArchives;
import org.agentry.skill.entity.Skill;
import org.agentry.skill.entity.SkillDefinition;
import org.agentry.skill.entity.SkillSource;

/**
 * The skills registry, stored in the database so every node sees the same skills. Skills come over
 * the API ({@code api}) or from the skills directory ({@code directory}); discovery changes and
 * removes only skills that came from the directory.
 */
@Stateless
public class Skills {

  @Inject AuditLog audit;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** Every skill, by name. */
  public List<Skill> list() {
    return em.createNamedQuery(Skill.FIND_ALL, Skill.class).getResultList();
  }

  /**
   * The named skill.
   *
   * @throws UnknownResourceException {@code SKILL_NOT_FOUND}
   */
  public Skill get(String name) {
    var skill = name == null ? null : em.find(Skill.class, name);
    if (skill == null) {
      throw new UnknownResourceException("skill", name);
    }
    return skill;
  }

  /**
   * One file of a skill ({@code SKILL.md} or another path).
   *
   * @throws UnknownResourceException {@code SKILL_NOT_FOUND}, or {@code SKILL_FILE_NOT_FOUND}
   */
  public String file(String name, String path) {
    var skill = get(name);
    if (SkillDefinition.MAIN_FILE.equals(path)) {
      return skill.getContent();
    }
    var text = skill.getFiles().get(path);
    if (text == null) {
      throw new UnknownResourceException("skill file", null);
    }
    return text;
  }

  /**
   * Adds a skill from the API.
   *
   * @throws StateConflictException {@code SKILL_EXISTS} if the name is taken
   */
  public Skill create(SkillDefinition definition) {
    audit.record("skill.create", "skill", definition.name());
    if (em.find(Skill.class, definition.name()) != null) {
      throw new StateConflictException(
          "SKILL_EXISTS", "A skill '" + definition.name() + "' exists already.");
    }
    var skill = new Skill(definition, SkillSource.API, clock.instant());
    em.persist(skill);
    em.flush();
    return skill;
  }

  /**
   * Replaces a skill's content; it then counts as an API skill, which discovery leaves alone.
   *
   * @param expectedVersion the version the caller read (its ETag), or null for any
   * @throws UnknownResourceException {@code SKILL_NOT_FOUND}
   * @throws StaleVersionException if the skill changed since
   */
  public Skill replace(SkillDefinition definition, Long expectedVersion) {
    audit.record("skill.update", "skill", definition.name());
    var skill = get(definition.name());
    if (expectedVersion != null && skill.getVersion() != expectedVersion) {
      throw new StaleVersionException("skill", definition.name());
    }
    skill.redefine(definition, SkillSource.API, clock.instant());
    em.flush();
    return skill;
  }

  /**
   * Deletes a skill; agents listing it then get a tool error when they load it.
   *
   * @throws UnknownResourceException {@code SKILL_NOT_FOUND}
   */
  public void delete(String name) {
    audit.record("skill.delete", "skill", name);
    em.remove(get(name));
  }

  /**
   * Brings the directory skills in line with the folders directly below {@code dir} that hold a
   * {@code SKILL.md}: new ones added, changed ones (by digest) replaced, and directory skills whose
   * folder is gone removed. A folder whose name an API skill holds is reported as an error.
   *
   * @throws UncheckedIOException if the directory cannot be listed
   */
  public DiscoveryReport discover(Path dir) {
    var report = new DiscoveryReport();
    var seen = new HashSet<String>();
    if (Files.isDirectory(dir)) {
      try (var folders = Files.list(dir)) {
        for (var folder : folders.filter(Files::isDirectory).sorted().toList()) {
          if (Files.isRegularFile(folder.resolve(SkillDefinition.MAIN_FILE))) {
            var name = folder.getFileName().toString();
            seen.add(name);
            load(folder, name, report);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read skills in " + dir, e);
      }
    }
    for (var skill : list()) {
      if (skill.getSource() == SkillSource.DIRECTORY && !seen.contains(skill.getName())) {
        em.remove(skill);
        report.removed().add(skill.getName());
      }
    }
    return report;
  }

  private void load(Path folder, String name, DiscoveryReport report) {
    try {
      var definition = SkillArchives.fromFolder(folder);
      var skill = em.find(Skill.class, definition.name());
      if (skill == null) {
        em.persist(new Skill(definition, SkillSource.DIRECTORY, clock.instant()));
        report.added().add(name);
      } else if (skill.getSource() != SkillSource.DIRECTORY) {
        report
            .errors()
            .add(new DiscoveryReport.Error(name, "a skill of this name came over the API"));
      } else if (!skill.getDigest().equals(definition.digest())) {
        skill.redefine(definition, SkillSource.DIRECTORY, clock.instant());
        report.changed().add(name);
      }
    } catch (IOException e) {
      report.errors().add(new DiscoveryReport.Error(name, "cannot be read"));
    } catch (InvalidInputException e) {
      report.errors().add(new DiscoveryReport.Error(name, e.getMessage()));
    }
  }
}
