package org.agentry.dispatch.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This node's id for leases: host name plus a random suffix that changes at every start, so that a
 * restarted node never mistakes its predecessor's leases for its own.
 */
@ApplicationScoped
public class NodeIdentity {

  private final String id = host() + "-" + UUID.randomUUID().toString().substring(0, 8);

  /** E.g. {@code build-7-3f2a9c1d}, at most 64 characters. */
  public String id() {
    return id;
  }

  private static String host() {
    try {
      var name = InetAddress.getLocalHost().getHostName();
      return name.length() > 40 ? name.substring(0, 40) : name;
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
