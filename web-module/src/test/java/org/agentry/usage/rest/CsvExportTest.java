package org.agentry.usage.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvExportTest {

  @Test
  void cellsASpreadsheetWouldTakeForFormulasAreNeutralised() {
    assertEquals("'+1", CsvExport.field("+1"));
    assertEquals("'-2", CsvExport.field("-2"));
    assertEquals("'@SUM(A1)", CsvExport.field("@SUM(A1)"));
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvExport.field("=HYPERLINK(\"x\")"));
    assertEquals("gpt-4o", CsvExport.field("gpt-4o"));
  }

  @Test
  void fieldsWithCommasOrQuotesAreQuoted() {
    assertEquals("\"a,b\"", CsvExport.field("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvExport.field("say \"hi\""));
  }
}
