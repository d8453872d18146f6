package org.agentry.tool.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One entry of an agent's memory: a key (unique per agent) and its text. */
@Entity
@Table(name = "agent_memory")
@NamedQuery(
    name = MemoryEntry.FIND,
    query =
        "SELECT m FROM MemoryEntry m WHERE m.tenant = :tenant AND m.agent = :agent AND m.key = :key")
@NamedQuery(
    name = MemoryEntry.SEARCH,
    query =
        "SELECT m FROM MemoryEntry m WHERE m.tenant = :tenant AND m.agent = :agent"
            + " AND (LOWER(m.key) LIKE :pattern"
            + " ESCAPE '\\' OR LOWER(m.content) LIKE :pattern ESCAPE '\\')"
            + " ORDER BY m.updatedAt DESC")
public class MemoryEntry {

  public static final String FIND = "MemoryEntry.find";
  public static final String SEARCH = "MemoryEntry.search";

  @Id
  @Column(length = 36)
  private String id;

  /** The tenant it belongs to. */
  @Column(nullable = false, length = 63)
  private String tenant;

  @Column(name = "agent_name", nullable = false, length = 63)
  private String agent;

  @Column(name = "memory_key", nullable = false)
  private String key;

  @Column(nullable = false)
  private String content;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected MemoryEntry() {}

  public MemoryEntry(String tenant, String agent, String key, String content, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenant = tenant;
    this.agent = agent;
    this.key = key;
    this.content = content;
    this.updatedAt = now;
  }

  public void rewrite(String content, Instant now) {
    this.content = content;
    this.updatedAt = now;
  }

  public String getKey() {
    return key;
  }

  public String getContent() {
    return content;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }
}
