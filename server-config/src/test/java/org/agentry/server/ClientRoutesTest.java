package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.agentry.client.AgentryClient;
import org.agentry.platform.rest.AgentryApplication;
import org.junit.jupiter.api.Test;

/**
 * The typed client cannot drift from the server: every route of web-module's resources under {@code
 * /api/v1} (but MCP and the console, other protocols; HTTP method, path template, and the request's
 * media type where it is not JSON, e.g. an XML or zip variant) has a method in the client's
 * annotated interfaces ({@code org.agentry.client.api}), and every such method names a route the
 * server has. Both sides are read by reflection from their annotations, so a route added to the
 * server without a client method fails the build, naming it.
 */
class ClientRoutesTest {

  /** Routes that speak another protocol than the API's own, and have their own clients. */
  private static final Pattern OTHER_PROTOCOLS = Pattern.compile("v1/(mcp|console)(/|$)");

  @Test
  void everyServerRouteHasAClientMethod() throws Exception {
    var server = routes(ResourceRoutes.resourceClasses(AgentryApplication.class));
    var client = routes(apiInterfaces());
    var missing = new TreeSet<>(server);
    missing.removeAll(client);
    assertTrue(
        missing.isEmpty(),
        "server routes without a method in org.agentry.client.api:\n  "
            + String.join("\n  ", missing));
  }

  @Test
  void everyClientMethodNamesAServerRoute() throws Exception {
    var server = routes(ResourceRoutes.resourceClasses(AgentryApplication.class));
    var client = routes(apiInterfaces());
    var unknown = new TreeSet<>(client);
    unknown.removeAll(server);
    assertTrue(unknown.isEmpty(), "client methods the server has no route for: " + unknown);
  }

  @Test
  void theRouteKeysSeeMediaTypesAndIgnoreParameterNames() throws Exception {
    var server = routes(ResourceRoutes.resourceClasses(AgentryApplication.class));
    assertTrue(server.contains("POST v1/agents/{}/tasks"), server.toString());
    assertTrue(server.contains("POST v1/agents/{}/tasks <application/xml>"), server.toString());
    assertTrue(server.contains("GET v1/skills/{}/files/{}"), server.toString());
    assertTrue(server.size() > 80, "routes found: " + server.size());
  }

  /** {@code "<method> <path>"} per resource method, plus {@code " <type>"} for a non-JSON body. */
  static TreeSet<String> routes(List<Class<?>> types) {
    var routes = new TreeSet<String>();
    for (var type : types) {
      var base = type.getAnnotation(Path.class).value();
      for (Method method : type.getMethods()) {
        var http = httpMethod(method);
        if (http == null) {
          continue;
        }
        var sub = method.getAnnotation(Path.class);
        var path = normalise(base + "/" + (sub == null ? "" : sub.value()));
        if (!path.startsWith("v1/") || OTHER_PROTOCOLS.matcher(path).lookingAt()) {
          continue;
        }
        var consumes = consumes(method, type);
        routes.add(http + " " + path + (consumes == null ? "" : " <" + consumes + ">"));
      }
    }
    return routes;
  }

  private static String httpMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      var http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** Slashes collapsed and trimmed; every template {@code {name: regex}} as {@code {}}. */
  private static String normalise(String path) {
    var templated = path.replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
    var trimmed = templated.startsWith("/") ? templated.substring(1) : templated;
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  /** The first media type the method (or its class) consumes, unless it is JSON or absent. */
  private static String consumes(Method method, Class<?> type) {
    AnnotatedElement source = method.isAnnotationPresent(Consumes.class) ? method : type;
    var consumes = source.getAnnotation(Consumes.class);
    if (consumes == null || consumes.value().length == 0) {
      return null;
    }
    var media = consumes.value()[0].split(";")[0].strip();
    return media.equals("application/json") ? null : media;
  }

  /** The annotated interfaces of the client jar, {@code org.agentry.client.api}. */
  private static List<Class<?>> apiInterfaces() throws Exception {
    var types =
        ResourceRoutes.resourceClasses(AgentryClient.class).stream()
            .filter(Class::isInterface)
            .toList();
    assertTrue(types.size() > 10, "client interfaces found: " + types);
    return types;
  }
}
