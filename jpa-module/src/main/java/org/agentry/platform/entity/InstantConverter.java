package org.agentry.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores {@link Instant} attributes as {@code TIMESTAMP WITH TIME ZONE} in UTC. JPA 3.1 has no
 * mapping of its own for {@code Instant} (EclipseLink would serialise it to bytes), while {@link
 * OffsetDateTime} maps to {@code TIMESTAMP WITH TIME ZONE} on PostgreSQL and H2 alike.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

  @Override
  public OffsetDateTime convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
