package org.agentry.client;

import org.agentry.client.api.DispatchApi;
import org.agentry.client.model.DispatchState;

/** {@code /api/v1/dispatch}: whether nodes claim tasks, queue depth and running tasks. */
public final class Dispatch {

  private final DispatchApi api;

  Dispatch(Http http) {
    this.api = http.proxies.of(DispatchApi.class);
  }

  /** The current state (viewer). */
  public DispatchState state() {
    return api.state();
  }

  /** Stops every node claiming tasks (admin); running tasks go on. */
  public DispatchState pause() {
    return api.pause();
  }

  /** Lets nodes claim again (admin). */
  public DispatchState resume() {
    return api.resume();
  }
}
