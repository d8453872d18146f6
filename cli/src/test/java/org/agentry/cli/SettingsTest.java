package org.agentry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the URL and token come from: flag, then environment, then config file, then default. */
class SettingsTest {

  @TempDir Path dir;

  @Test
  void takesTheFirstPresentSource() throws Exception {
    var file = Files.writeString(dir.resolve("c.properties"), "url=http://file:1\ntoken=f\n");
    var env = Map.of("AGENTRY_URL", "http://env:2", "AGENTRY_TOKEN", " ");

    var fromEnv = Settings.resolve(null, null, env, file);
    var fromFlag = Settings.resolve("http://flag:3", "t", env, file);
    var fromFile = Settings.resolve("", null, Map.of(), file);
    var none = Settings.resolve(null, null, Map.of(), dir.resolve("missing"));

    assertEquals(new Settings("http://env:2", "f", "env"), fromEnv);
    assertEquals(new Settings("http://flag:3", "t", "flag"), fromFlag);
    assertEquals(new Settings("http://file:1", "f", "config"), fromFile);
    assertEquals(Settings.DEFAULT_URL, none.url());
    assertNull(none.token());
  }
}
