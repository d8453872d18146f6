package org.agentry.tool.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactory;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP exchange of {@code http_fetch}, without following redirects, on Apache HttpClient 5. The
 * client's DNS resolver answers every lookup with the address {@link HttpFetchGuard} checked, so
 * the TCP connection goes to that address while the {@code Host} header, TLS SNI and certificate
 * check use the URL's host name. No proxy, cookies, authentication or retries.
 */
final class HttpExchange {

  private final int maxBytes;
  private final Duration timeout;
  private final SSLContext tls;

  /**
   * @param maxBytes most body bytes read (after content decoding); the rest is not read
   * @param timeout connect timeout, timeout of each read, and the longest the body may take
   */
  HttpExchange(int maxBytes, Duration timeout) {
    this(maxBytes, timeout, null);
  }

  /**
   * @param tls the TLS context to trust servers with, or null for the JDK's default trust store
   */
  HttpExchange(int maxBytes, Duration timeout, SSLContext tls) {
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.tls = tls;
  }

  /**
   * The response to one request.
   *
   * @param status the HTTP status code
   * @param contentType the {@code Content-Type}, or null
   * @param location the {@code Location} of a redirect (301, 302, 303, 307, 308), else null
   * @param body the body's first bytes, at most the cap
   * @param cut whether the body was longer than the cap
   */
  record Response(int status, String contentType, String location, byte[] body, boolean cut) {

    /** What the model gets: status, content type, URL, then the body as text. */
    String render(URI url) {
      var text = new StringBuilder();
      text.append("status: ").append(status).append('\n');
      text.append("contentType: ").append(contentType == null ? "" : contentType).append('\n');
      text.append("url: ").append(url).append('\n');
      if (cut) {
        text.append("[body cut at ").append(body.length).append(" bytes]\n");
      }
      return text.append('\n').append(bodyText(url)).toString();
    }

    private String bodyText(URI url) {
      var type = contentType == null ? null : ContentType.parseLenient(contentType);
      var mime = type == null ? "" : type.getMimeType().toLowerCase(Locale.ROOT);
      var charset = type == null ? null : type.getCharset();
      if (mime.equals("text/html") || mime.equals("application/xhtml+xml")) {
        return HtmlText.of(body, charset == null ? null : charset.name(), url.toString());
      }
      if (!mime.isEmpty() && !textual(mime)) {
        return "(" + body.length + " bytes of " + mime + ", not shown)";
      }
      return new String(body, charset == null ? StandardCharsets.UTF_8 : charset);
    }

    private static boolean textual(String mime) {
      return mime.startsWith("text/")
          || mime.endsWith("+json")
          || mime.endsWith("+xml")
          || mime.equals("application/json")
          || mime.equals("application/xml")
          || mime.equals("application/javascript")
          || mime.equals("application/x-ndjson")
          || mime.equals("application/yaml");
    }
  }

  /**
   * Sends the request to the target's checked address.
   *
   * @throws ToolException when the server cannot be reached, times out, or the body is malformed
   */
  Response send(HttpFetchGuard.Target target, String method, String body, String contentType)
      throws ToolException {
    var request = method.equals("POST") ? new HttpPost(target.uri()) : new HttpGet(target.uri());
    if (body != null) {
      try {
        request.setEntity(new StringEntity(body, withCharset(ContentType.parse(contentType))));
      } catch (RuntimeException e) {
        throw new ToolException("contentType is not a valid content type");
      }
    }
    var builder = PoolingHttpClientConnectionManagerBuilder.create();
    if (tls != null) {
      builder.setSSLSocketFactory(new SSLConnectionSocketFactory(tls));
    }
    var connections =
        builder
            .setDnsResolver(pinnedTo(target.address()))
            .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeout()).build())
            .build();
    var config =
        RequestConfig.custom()
            .setConnectTimeout(timeout())
            .setResponseTimeout(timeout())
            .setRedirectsEnabled(false)
            .build();
    try (var client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .setDefaultRequestConfig(config)
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent("agentry-http-fetch")
            .build()) {
      return client.execute(request, this::read);
    } catch (IOException e) {
      throw new ToolException("could not fetch " + target.host() + ": " + describe(e));
    }
  }

  private Response read(ClassicHttpResponse response) throws IOException {
    int status = response.getCode();
    var location = response.getFirstHeader("Location");
    boolean redirect = status == 301 || status == 302 || status == 303 || status >= 307;
    if (redirect && status <= 308 && location != null) {
      return new Response(status, null, location.getValue(), new byte[0], false);
    }
    var entity = response.getEntity();
    if (entity == null) {
      return new Response(status, null, null, new byte[0], false);
    }
    try (var in = entity.getContent()) {
      var out = new ByteArrayOutputStream();
      boolean cut = copy(in, out);
      return new Response(status, entity.getContentType(), null, out.toByteArray(), cut);
    }
  }

  /** Copies at most the cap within the timeout; true when there was more. */
  private boolean copy(InputStream in, ByteArrayOutputStream out) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    var buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      int room = maxBytes - out.size();
      out.write(buffer, 0, Math.min(n, room));
      if (n > room) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("the body took longer than " + timeout.toSeconds() + " s");
      }
    }
    return false;
  }

  /** The redirect target, resolved against the URL that answered. */
  static String resolve(URI base, String location) throws ToolException {
    try {
      return base.resolve(new URI(location.strip())).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new ToolException("refused: the redirect location is not a valid URL");
    }
  }

  private static ContentType withCharset(ContentType type) {
    return type.getCharset() == null ? type.withCharset(StandardCharsets.UTF_8) : type;
  }

  private Timeout timeout() {
    return Timeout.ofMilliseconds(timeout.toMillis());
  }

  private static DnsResolver pinnedTo(InetAddress address) {
    return new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) {
        return new InetAddress[] {address};
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
  }

  private static String describe(IOException e) {
    var message = e.getMessage();
    return message == null || message.isBlank() ? "the connection failed" : message;
  }
}
