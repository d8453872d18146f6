package org.agentry.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import org.agentry.platform.control.Database;
import org.agentry.platform.control.DatabaseKind;
import org.agentry.session.entity.Message;

/**
 * Inserts a session's messages in the caller's transaction, one statement each that also returns
 * the id the database gave it from {@code message_seq} ({@code INSERT … RETURNING} on PostgreSQL,
 * {@code SELECT … FROM FINAL TABLE (INSERT …)} on H2). Ids grow in insertion order on every node,
 * which is what orders a session's messages.
 */
@ApplicationScoped
public class MessageWriter {

  private static final String INSERT =
      "INSERT INTO message (session_id, role, content, tool_calls, tool_call_id, tool_name,"
          + " sender, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  @PersistenceContext EntityManager em;

  @Inject Database database;

  private volatile String sql;

  /**
   * Inserts the message.
   *
   * @param message a new message, not persisted
   * @return its id
   */
  public long insert(Message message) {
    var query = em.createNativeQuery(sql());
    query.setParameter(1, message.getSessionId());
    query.setParameter(2, message.getRole().name());
    query.setParameter(3, message.getContent());
    query.setParameter(4, message.getToolCalls());
    query.setParameter(5, message.getToolCallId());
    query.setParameter(6, message.getToolName());
    query.setParameter(7, message.getSender());
    query.setParameter(8, message.getCreatedAt().atOffset(ZoneOffset.UTC));
    return ((Number) query.getSingleResult()).longValue();
  }

  private String sql() {
    if (sql == null) {
      sql =
          database.kind() == DatabaseKind.POSTGRESQL
              ? INSERT + " RETURNING id"
              : "SELECT id FROM FINAL TABLE (" + INSERT + ")";
    }
    return sql;
  }
}
