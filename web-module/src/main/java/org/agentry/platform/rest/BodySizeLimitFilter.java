package org.agentry.platform.rest;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses API request bodies over {@code agentry.http.max-body-bytes} (default 1 MiB) with 413: at
 * once when {@code Content-Length} says so, otherwise (chunked bodies) as soon as the reader passes
 * the limit.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class BodySizeLimitFilter extends HttpFilter {

  /** Raised by the wrapped stream when a body passes the limit. */
  static final class PayloadTooLargeException extends IOException {
    PayloadTooLargeException() {
      super("request body over the limit");
    }
  }

  /**
   * Set on the request when its body passed the limit: readers may wrap the stream's exception
   * beyond recognition, so mappers ask the request.
   */
  static final String EXCEEDED = BodySizeLimitFilter.class.getName() + ".exceeded";

  /** Whether this request's body passed the limit. */
  static boolean exceeded(HttpServletRequest request) {
    return request != null && request.getAttribute(EXCEEDED) != null;
  }

  /**
   * Bodies up to this size (8 MiB) are read and discarded before the 413 is sent: most clients read
   * a response only after sending the whole body, and would see the connection close instead.
   */
  static final long SWALLOW_LIMIT = 8L * 1024 * 1024;

  @Inject
  @ConfigProperty(name = "agentry.http.max-body-bytes", defaultValue = "1048576")
  long maxBytes;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long length = request.getContentLengthLong();
    if (length > maxBytes) {
      if (length <= SWALLOW_LIMIT) {
        swallow(request);
      } else {
        response.setHeader("Connection", "close");
      }
      ServletProblems.write(response, Problems.payloadTooLarge());
      return;
    }
    chain.doFilter(new Limited(request, maxBytes), response);
  }

  private static void swallow(HttpServletRequest request) throws IOException {
    var in = request.getInputStream();
    var buffer = new byte[8192];
    while (in.read(buffer) >= 0) {
      // discard
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), max, this);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long max;
    private final HttpServletRequest request;
    private long count;

    Counting(ServletInputStream in, long max, HttpServletRequest request) {
      this.in = in;
      this.max = max;
      this.request = request;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(int n) throws PayloadTooLargeException {
      count += n;
      if (count > max) {
        request.setAttribute(EXCEEDED, Boolean.TRUE);
        throw new PayloadTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
