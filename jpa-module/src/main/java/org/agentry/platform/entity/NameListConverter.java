package org.agentry.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/**
 * Stores a list of names (tool names and the like, which never contain commas) as one
 * comma-separated text column; the empty list is the empty string.
 */
@Converter
public class NameListConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> names) {
    return names == null ? "" : String.join(",", names);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    if (column == null || column.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(column.split(",")).toList();
  }
}
