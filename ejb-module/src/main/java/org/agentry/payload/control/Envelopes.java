package org.agentry.payload.control;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** A list of envelopes, e.g. a session's messages: {@code <envelopes><envelope>…</envelopes>}. */
@XmlRootElement(name = "envelopes")
@XmlAccessorType(XmlAccessType.FIELD)
public class Envelopes {

  @XmlElement(name = "envelope")
  private List<Envelope> items = new ArrayList<>();

  protected Envelopes() {}

  public Envelopes(List<Envelope> items) {
    this.items = new ArrayList<>(items);
  }

  public List<Envelope> items() {
    return List.copyOf(items);
  }
}
