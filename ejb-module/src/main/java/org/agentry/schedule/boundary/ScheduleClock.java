package org.agentry.schedule.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.schedule.control.Refusal;

/**
 * The schedules' clock on every node: a non-persistent EJB timer that ticks every second (a tick is
 * skipped while the previous one runs). Each tick fires the due schedules, each in its own
 * transaction, and sends the tasks created once that committed. A task the task API refuses (the
 * agent is paused, gone, over budget) is recorded as a failed run and the schedule moves on; any
 * other failure leaves the slot due for the next tick.
 *
 * <p>Persistent EJB timers are not used: on Payara Micro they live only in the cluster's memory.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduleClock {

  private static final Logger LOG = Logger.getLogger(ScheduleClock.class.getName());
  private static final int BATCH = 100;

  @Inject ScheduleSlots slots;

  private final AtomicBoolean busy = new AtomicBoolean();

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!busy.compareAndSet(false, true)) {
      return; // the previous tick is still going
    }
    try {
      slots.candidates(BATCH).forEach(this::fire);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Schedule tick failed; the next one tries again", e);
    } finally {
      busy.set(false);
    }
  }

  private void fire(String scheduleId) {
    try {
      slots.fire(scheduleId);
    } catch (RuntimeException e) {
      var refusal = Refusal.of(e);
      if (refusal.isEmpty()) {
        // also a slot another node fired first: the unique key on (schedule, slot) refused it
        LOG.log(Level.WARNING, "Schedule " + scheduleId + " not fired; retrying next tick", e);
        return;
      }
      try {
        slots.refuse(scheduleId, refusal.get());
      } catch (RuntimeException again) {
        LOG.log(Level.WARNING, "Refusal of schedule " + scheduleId + " not recorded", again);
      }
    }
  }
}
