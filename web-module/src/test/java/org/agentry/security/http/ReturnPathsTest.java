package org.agentry.security.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathsTest {

  @Test
  void aLocalPathIsKept() {
    assertEquals("/console/", ReturnPaths.safe("/console/"));
    assertEquals("/console/tasks?id=7#x", ReturnPaths.safe("/console/tasks?id=7#x"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "\\\\evil.example",
        "console/",
        "/ok\r\nSet-Cookie: x=y",
        "/a b",
        "javascript:alert(1)"
      })
  void anythingElseGoesToTheRoot(String path) {
    assertEquals("/", ReturnPaths.safe(path));
  }

  @Test
  void anAbsentPathGoesToTheRoot() {
    assertEquals("/", ReturnPaths.safe(null));
  }
}
