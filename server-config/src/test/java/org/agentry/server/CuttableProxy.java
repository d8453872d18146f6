package org.agentry.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on loopback in front of the server whose connections a test can cut, as a network
 * that goes away would: {@link #cut()} closes every open connection (a browser's event stream among
 * them) and refuses new ones until {@link #restore()}.
 */
final class CuttableProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean cut;

  /**
   * @param target the server's base URL, e.g. {@code http://127.0.0.1:8080}
   */
  CuttableProxy(String target) throws IOException {
    var uri = URI.create(target);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::accept);
  }

  /** The proxy's base URL, a different origin from the server's. */
  String base() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** Closes every open connection and refuses new ones. */
  void cut() {
    cut = true;
    for (var socket : open) {
      close(socket);
    }
    open.clear();
  }

  /** Accepts and forwards connections again. */
  void restore() {
    cut = false;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        var client = listener.accept();
        if (cut) {
          close(client);
          continue;
        }
        var upstream = new Socket(host, port);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        // the listener closed, or the server refused one connection: the browser sees it fail
      }
    }
  }

  private void pump(Socket from, Socket to) throws IOException {
    InputStream in = from.getInputStream();
    OutputStream out = to.getOutputStream();
    daemon(
        () -> {
          try {
            in.transferTo(out);
          } catch (IOException e) {
            // cut or closed
          } finally {
            close(from);
            close(to);
          }
        });
  }

  private static void daemon(Runnable work) {
    var thread = new Thread(work, "cuttable-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    listener.close();
  }
}
