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

  private final HttpClient client = HttpClient.newHttpClient();
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
    var builder = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }
}
