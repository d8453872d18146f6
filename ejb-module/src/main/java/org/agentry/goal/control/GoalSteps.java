package org.agentry.goal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.agentry.goal.entity.GoalStep;
import org.agentry.goal.entity.GoalStepStatus;
import org.agentry.task.entity.TaskStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads of a goal's steps and tasks, in the caller's transaction. */
@ApplicationScoped
public class GoalSteps {

  /** The prefix of the coordinator of every task of a goal: {@code goal:}. */
  public static final String KIND = "goal:";

  private static final List<TaskStatus> ACTIVE =
      List.of(TaskStatus.QUEUED, TaskStatus.RUNNING, TaskStatus.WAITING);

  @PersistenceContext EntityManager em;

  /** How deep delegated tasks go below a goal's task (see {@code Delegations}). */
  @Inject
  @ConfigProperty(name = "agentry.delegation.max-depth", defaultValue = "3")
  int maxDepth;

  /** Every step of the goal, of every round, by round and then in plan order. */
  public List<GoalStep> all(String goalId) {
    return em.createQuery(
            "SELECT s FROM GoalStep s WHERE s.goalId = :goal ORDER BY s.round, s.createdAt, s.id",
            GoalStep.class)
        .setParameter("goal", goalId)
        .getResultList();
  }

  /** The steps of one round. */
  List<GoalStep> round(String goalId, int round) {
    return all(goalId).stream().filter(s -> s.getRound() == round).toList();
  }

  /** The goal's completed steps, of every round. */
  List<GoalStep> completed(String goalId) {
    return all(goalId).stream().filter(s -> s.getStatus() == GoalStepStatus.COMPLETED).toList();
  }

  /** The step a task runs, or null. */
  GoalStep byTask(String taskId) {
    return em.createQuery("SELECT s FROM GoalStep s WHERE s.taskId = :task", GoalStep.class)
        .setParameter("task", taskId)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** The ids of the goal's tasks that have not ended. */
  List<String> activeTasks(String goalId) {
    return em.createQuery(
            "SELECT t.id FROM Task t WHERE t.coordinator LIKE :prefix AND t.status IN :active",
            String.class)
        .setParameter("prefix", KIND + goalId + ":%")
        .setParameter("active", ACTIVE)
        .getResultList();
  }

  /**
   * The usage of the goal's tasks (planner, steps, synthesis) and of the tasks their delegate calls
   * started, down to the delegation depth limit, as usage records count them: one query, a
   * recursive walk over {@code parent_task_id} from the goal's tasks.
   */
  public Usage usage(String goalId) {
    em.flush(); // usage this transaction wrote counts too
    var row =
        (Object[])
            em.createNativeQuery(
                    "WITH RECURSIVE tree(id, depth) AS (SELECT t.id, CAST(0 AS INTEGER) FROM task t"
                        + " WHERE t.coordinator LIKE ? UNION ALL SELECT c.id, tree.depth + 1"
                        + " FROM task c JOIN tree ON c.parent_task_id = tree.id"
                        + " WHERE c.parent_call_id IS NOT NULL AND tree.depth < ?)"
                        + " SELECT COALESCE(SUM(u.prompt_tokens), 0), COALESCE(SUM(u.completion_tokens), 0),"
                        + " COALESCE(SUM(u.cost_usd), 0), COUNT(u.id) FROM usage_record u"
                        + " WHERE u.task_id IN (SELECT id FROM tree)")
                .setParameter(1, KIND + goalId + ":%")
                .setParameter(2, maxDepth)
                .getSingleResult();
    return new Usage(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        new java.math.BigDecimal(row[2].toString()),
        ((Number) row[3]).longValue());
  }

  /**
   * What a goal's tasks used.
   *
   * @param costUsd USD
   */
  public record Usage(
      long promptTokens, long completionTokens, java.math.BigDecimal costUsd, long modelCalls) {

    /** Prompt and completion tokens. */
    public long tokens() {
      return promptTokens + completionTokens;
    }
  }
}
