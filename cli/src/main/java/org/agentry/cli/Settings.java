package org.agentry.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the CLI finds the server and its token: a flag ({@code --url}, {@code --token}) wins over
 * the environment ({@code AGENTRY_URL}, {@code AGENTRY_TOKEN}), which wins over the config file (a
 * properties file with {@code url} and {@code token}, by default {@code
 * ~/.agentry/config.properties}). Without any, the URL is {@value #DEFAULT_URL} and no token is
 * sent.
 *
 * @param url the server's root URL
 * @param token the bearer token, or null
 * @param urlSource where the URL came from: {@code flag}, {@code env}, {@code config} or {@code
 *     default}
 */
record Settings(String url, String token, String urlSource) {

  static final String DEFAULT_URL = "http://localhost:8080";

  /**
   * The settings from these sources.
   *
   * @param configFile the properties file; a missing file is no error
   * @throws IOException when the config file exists and cannot be read
   */
  static Settings resolve(
      String urlFlag, String tokenFlag, Map<String, String> env, Path configFile)
      throws IOException {
    var config = new Properties();
    if (configFile != null && Files.isRegularFile(configFile)) {
      try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
        config.load(reader);
      }
    }
    var url = first(urlFlag, env.get("AGENTRY_URL"), config.getProperty("url"));
    var source =
        present(urlFlag)
            ? "flag"
            : present(env.get("AGENTRY_URL"))
                ? "env"
                : present(config.getProperty("url")) ? "config" : "default";
    var token = first(tokenFlag, env.get("AGENTRY_TOKEN"), config.getProperty("token"));
    return new Settings(url == null ? DEFAULT_URL : url, token, source);
  }

  private static String first(String... values) {
    for (var value : values) {
      if (present(value)) {
        return value.strip();
      }
    }
    return null;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
