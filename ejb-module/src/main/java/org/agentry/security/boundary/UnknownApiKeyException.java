package org.agentry.security.boundary;

import jakarta.ejb.ApplicationException;

/** No API key has the given id. */
@ApplicationException
public class UnknownApiKeyException extends RuntimeException {

  public UnknownApiKeyException(String id) {
    super("no API key with id " + id);
  }
}
