package org.agentry.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ResponseProcessingException;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.client.proxy.WebResourceFactory;

/**
 * Implements the annotated interfaces of {@code org.agentry.client.api} with Jersey's {@link
 * WebResourceFactory} and gives them the client's error contract: an error answer throws {@link
 * AgentryException} (with the problem's {@code code}) and a broken connection {@link
 * AgentryConnectionException}, also for methods that return a {@link Response}. One proxy per
 * interface and client, built on first use.
 */
final class Proxies {

  private final WebTarget root;
  private final Map<Class<?>, Object> made = new ConcurrentHashMap<>();

  /**
   * @param root the target of {@code <base>/api}, to which the interfaces' {@code v1/...} paths are
   *     relative
   */
  Proxies(WebTarget root) {
    this.root = root;
  }

  /** The interface's proxy. */
  <T> T of(Class<T> api) {
    return api.cast(made.computeIfAbsent(api, this::make));
  }

  private Object make(Class<?> api) {
    var jersey = WebResourceFactory.newResource(api, root);
    InvocationHandler handler = (proxy, method, args) -> call(jersey, api, proxy, method, args);
    return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler);
  }

  private static Object call(
      Object jersey, Class<?> api, Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> api.getSimpleName() + " proxy";
      };
    }
    Object result;
    try {
      result = method.invoke(jersey, args);
    } catch (InvocationTargetException e) {
      throw translate(e.getCause());
    }
    if (result instanceof Response response
        && response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
      throw Http.error(response);
    }
    return result;
  }

  private static Throwable translate(Throwable cause) {
    if (cause instanceof WebApplicationException web) {
      return Http.error(web.getResponse());
    }
    if (cause instanceof ResponseProcessingException broken) {
      var status = broken.getResponse().getStatusInfo().getFamily();
      if (status != Response.Status.Family.SUCCESSFUL) {
        return Http.error(broken.getResponse());
      }
      return new AgentryConnectionException("Cannot read the answer: " + cause.getMessage(), cause);
    }
    if (cause instanceof ProcessingException e) {
      return new AgentryConnectionException("Cannot reach the server: " + e.getMessage(), e);
    }
    return cause;
  }
}
