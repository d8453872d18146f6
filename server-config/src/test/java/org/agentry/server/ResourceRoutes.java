package org.agentry.server;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.agentry.platform.rest.AgentryApplication;

/**
 * Every JAX-RS resource method of web-module, found by reflection over its classes: each as {@code
 * "<HTTP method> <route>"}, the route relative to {@code /api}, e.g. {@code "GET
 * v1/agents/{name}"}.
 */
final class ResourceRoutes {

  private ResourceRoutes() {}

  static TreeSet<String> all() throws IOException, URISyntaxException, ClassNotFoundException {
    var routes = new TreeSet<String>();
    for (var type : resourceClasses()) {
      var base = type.getAnnotation(Path.class).value();
      for (Method method : type.getDeclaredMethods()) {
        var http = httpMethod(method);
        if (http == null) {
          continue;
        }
        var sub = method.getAnnotation(Path.class);
        routes.add(http + " " + join(base, sub == null ? "" : sub.value()));
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

  private static String join(String base, String sub) {
    var joined = (strip(base) + "/" + strip(sub));
    return joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
  }

  private static String strip(String path) {
    var p = path.startsWith("/") ? path.substring(1) : path;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** The classes of web-module (a jar, or a classes folder) that carry {@code @Path}. */
  private static List<Class<?>> resourceClasses()
      throws IOException, URISyntaxException, ClassNotFoundException {
    return resourceClasses(AgentryApplication.class);
  }

  /**
   * The classes that carry {@code @Path} in the jar (or classes folder) that holds {@code anchor}.
   */
  static List<Class<?>> resourceClasses(Class<?> anchor)
      throws IOException, URISyntaxException, ClassNotFoundException {
    var location =
        java.nio.file.Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    var names = new ArrayList<String>();
    if (Files.isDirectory(location)) {
      try (var files = Files.walk(location)) {
        files
            .filter(f -> f.toString().endsWith(".class"))
            .forEach(f -> names.add(location.relativize(f).toString()));
      }
    } else {
      try (var jar = new JarFile(location.toFile())) {
        jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(names::add);
      }
    }
    var loader = anchor.getClassLoader();
    var classes = new ArrayList<Class<?>>();
    for (var name : names) {
      var className = name.replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
      if (className.endsWith("package-info")) {
        continue;
      }
      var type = Class.forName(className, false, loader);
      if (type.isAnnotationPresent(Path.class)) {
        classes.add(type);
      }
    }
    if (classes.isEmpty()) {
      throw new IllegalStateException("no JAX-RS resources found in " + location);
    }
    return classes;
  }
}
