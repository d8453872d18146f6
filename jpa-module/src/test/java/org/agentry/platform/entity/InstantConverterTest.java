package org.agentry.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

  private final InstantConverter converter = new InstantConverter();

  @Test
  void storesUtcAndReadsBackTheSameInstant() {
    var instant = Instant.parse("2026-11-22T02:30:00.123456Z");
    var column = converter.convertToDatabaseColumn(instant);
    assertEquals(ZoneOffset.UTC, column.getOffset());
    assertEquals(instant, converter.convertToEntityAttribute(column));
  }

  @Test
  void keepsNulls() {
    assertNull(converter.convertToDatabaseColumn(null));
    assertNull(converter.convertToEntityAttribute(null));
  }
}
