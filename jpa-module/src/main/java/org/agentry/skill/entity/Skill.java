package org.agentry.skill.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agentry.platform.entity.NameListConverter;

/**
 * A skill as stored: its front matter ({@code name}, {@code description}, {@code allowed-tools}),
 * the whole {@code SKILL.md} text, its other files (path → text), a SHA-256 digest over all of them
 * and where it came from.
 */
@Entity
@Table(name = "skill")
@NamedQuery(name = Skill.FIND_ALL, query = "SELECT s FROM Skill s ORDER BY s.name")
public class Skill {

  public static final String FIND_ALL = "Skill.findAll";

  @Id
  @Column(length = 63)
  private String name;

  @Column(nullable = false, length = 1024)
  private String description;

  @Convert(converter = NameListConverter.class)
  @Column(name = "allowed_tools", nullable = false)
  private List<String> allowedTools;

  @Column(nullable = false)
  private String content;

  @Column(nullable = false, length = 64)
  private String digest;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SkillSource source;

  @ElementCollection
  @CollectionTable(name = "skill_file", joinColumns = @JoinColumn(name = "skill_name"))
  @MapKeyColumn(name = "path", length = 255)
  @Column(name = "content", nullable = false)
  private Map<String, String> files = new TreeMap<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Skill() {}

  /** A new skill with this definition, from this source. */
  public Skill(SkillDefinition definition, SkillSource source, Instant now) {
    this.name = definition.name();
    this.createdAt = now;
    redefine(definition, source, now);
  }

  /** Replaces everything but the name and creation time. */
  public void redefine(SkillDefinition definition, SkillSource source, Instant now) {
    this.description = definition.description();
    this.allowedTools = definition.allowedTools();
    this.content = definition.content();
    this.digest = definition.digest();
    this.source = source;
    this.files.clear();
    this.files.putAll(definition.files());
    this.updatedAt = now;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public List<String> getAllowedTools() {
    return allowedTools;
  }

  /** The whole {@code SKILL.md} text, front matter included. */
  public String getContent() {
    return content;
  }

  /** Hex SHA-256 over {@code SKILL.md} and the files; see {@link SkillDefinition#digest()}. */
  public String getDigest() {
    return digest;
  }

  public SkillSource getSource() {
    return source;
  }

  /** The other files, path → text, sorted by path. */
  public Map<String, String> getFiles() {
    return new TreeMap<>(files);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
