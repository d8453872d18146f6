package org.agentry.agent.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.agentry.agent.boundary.PeerNotAllowedException;
import org.agentry.platform.rest.Problem;

/**
 * 403 {@code PEER_NOT_ALLOWED}: the sending agent may not address the target (it is not among its
 * {@code peers}). The caller's role was enough; the agents' routing rule refused it.
 */
@Provider
public class PeerNotAllowedMapper implements ExceptionMapper<PeerNotAllowedException> {

  @Override
  public Response toResponse(PeerNotAllowedException e) {
    return new Problem(403, "PEER_NOT_ALLOWED", "Peer not allowed", e.getMessage()).toResponse();
  }
}
