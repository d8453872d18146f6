package org.agentry.tool.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.agentry.task.entity.Task;
import org.agentry.tool.entity.MemoryEntry;

/** Each agent's memory: text entries under keys unique per agent (of a tenant). */
@Stateless
public class Memories {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** The entry under the key, if any. */
  public Optional<MemoryEntry> read(String tenant, String agent, String key) {
    return em.createNamedQuery(MemoryEntry.FIND, MemoryEntry.class)
        .setParameter("tenant", tenant)
        .setParameter("agent", agent)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  /** Creates or replaces the entry under the key. */
  public void write(String tenant, String agent, String key, String content) {
    var now = clock.instant();
    read(tenant, agent, key)
        .ifPresentOrElse(
            entry -> entry.rewrite(content, now),
            () -> em.persist(new MemoryEntry(tenant, agent, key, content, now)));
  }

  /**
   * Entries whose key or text contains the query, case-insensitively, newest first.
   *
   * @param limit most entries returned
   */
  public List<MemoryEntry> search(String tenant, String agent, String query, int limit) {
    var pattern = "%" + Task.escapeLike(query.toLowerCase(Locale.ROOT)) + "%";
    return em.createNamedQuery(MemoryEntry.SEARCH, MemoryEntry.class)
        .setParameter("tenant", tenant)
        .setParameter("agent", agent)
        .setParameter("pattern", pattern)
        .setMaxResults(limit)
        .getResultList();
  }
}
