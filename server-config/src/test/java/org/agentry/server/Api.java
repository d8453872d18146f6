package org.agentry.server;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small HTTP client for the black-box tests: requests with an optional bearer token. */
final class Api {

  /** A response: status, content type and body. */
  record Reply(int status, String contentType, String body, HttpResponse<String> raw) {

    JsonObject json() {
      return (JsonObject) structure();
    }

    JsonStructure structure() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }
  }

  // HTTP/1.1, as curl and most clients speak to an http:// URL: the JDK client's default upgrade
  // to cleartext HTTP/2 (h2c) meets Grizzly closing an h2c connection whose one stream is busy
  // for long (ClusterIT's resume of 1,000 tasks on a loaded machine got "EOF reached")
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;

  Api(String base) {
    this.base = base;
  }

  Reply get(String path, String token) throws IOException, InterruptedException {
    return send(request(path, token).GET());
  }

  Reply delete(String path, String token) throws IOException, InterruptedException {
    return send(request(path, token).DELETE());
  }

  Reply post(String path, String token, String contentType, String body)
      throws IOException, InterruptedException {
    var builder = request(path, token).POST(HttpRequest.BodyPublishers.ofString(body));
    return send(builder.header("Content-Type", contentType));
  }

  Reply send(HttpRequest.Builder builder) throws IOException, InterruptedException {
    var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    var type = response.headers().firstValue("Content-Type").orElse("");
    return new Reply(response.statusCode(), type, response.body(), response);
  }

  HttpRequest.Builder request(String path, String token) {
    var builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(120));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }
}
