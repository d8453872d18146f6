package org.agentry.tool.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The checklist the {@code todo} tool keeps for one task ({@code task:<id>}) or, in a chat, one
 * session ({@code session:<id>}); its items are a JSON array text.
 */
@Entity
@Table(name = "todo_list")
public class TodoList {

  @Id
  @Column(name = "owner_key", length = 80)
  private String owner;

  @Column(nullable = false)
  private String items;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected TodoList() {}

  /**
   * @param owner {@code task:<id>} or {@code session:<id>}
   * @param items a JSON array text
   */
  public TodoList(String owner, String items, Instant now) {
    this.owner = owner;
    this.items = items;
    this.updatedAt = now;
  }

  /** Replaces the items (a JSON array text). */
  public void rewrite(String items, Instant now) {
    this.items = items;
    this.updatedAt = now;
  }

  public String getOwner() {
    return owner;
  }

  /** The items, a JSON array text. */
  public String getItems() {
    return items;
  }
}
