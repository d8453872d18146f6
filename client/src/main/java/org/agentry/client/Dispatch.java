package org.agentry.client;

import org.agentry.client.model.DispatchState;

/** {@code /api/v1/dispatch}: whether nodes claim tasks, queue depth and running tasks. */
public final class Dispatch {

  private final Http http;

  Dispatch(Http http) {
    this.http = http;
  }

  /** The current state (viewer). */
  public DispatchState state() {
    return http.get(http.path("dispatch"), DispatchState.class);
  }

  /** Stops every node claiming tasks (admin); running tasks go on. */
  public DispatchState pause() {
    return http.post(http.path("dispatch", "pause"), null, DispatchState.class);
  }

  /** Lets nodes claim again (admin). */
  public DispatchState resume() {
    return http.post(http.path("dispatch", "resume"), null, DispatchState.class);
  }
}
