package org.ehcflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The mail sender's sockets with Nagle's algorithm off (TCP_NODELAY), as SMTP clients such as
 * Postfix's have them.
 *
 * <p>Jakarta Mail writes a message through an 8 KB buffer and ends it with a short {@code
 * CRLF.CRLF}. With Nagle on, that last short segment is held until the server acknowledges the data
 * before it, and a server delays that acknowledgement (40 ms on Linux): the whole notice then waits
 * for a timer, not for work. A notice with the HTML letter, the logo and the plan attached is
 * always more than one buffer, so in the engine benchmark every notice step waited about 45 ms of
 * its 55 there, after the message, for the server's reply. With Nagle off the last segment goes at
 * once. The bytes sent are the same.
 *
 * <p>Jakarta Mail has no property for the option, so it is set where the sockets are made: a socket
 * factory under {@code mail.<protocol>.socketFactory} for the plain socket, over which Jakarta Mail
 * itself layers TLS (STARTTLS, or TLS from the start with its own TLS factory and {@code ssl.trust}
 * as before), and, when an SSL bundle gives the TLS factory, around that factory.
 */
final class NoDelaySockets {

  private NoDelaySockets() {}

  /**
   * Names the no-delay factories in a sender's properties, leaving alone any factory a council set
   * itself.
   */
  static void apply(Properties properties, String protocol) {
    String plain = "mail." + protocol + ".socketFactory";
    if (!properties.containsKey(plain) && !properties.containsKey(plain + ".class")) {
      properties.put(plain, new Plain(SocketFactory.getDefault()));
    }
    String ssl = "mail." + protocol + ".ssl.socketFactory";
    if (properties.get(ssl) instanceof SSLSocketFactory given && !(given instanceof Tls)) {
      properties.put(ssl, new Tls(given));
    }
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  /** Plain sockets, or the plain socket under STARTTLS. */
  static final class Plain extends SocketFactory {

    private final SocketFactory sockets;

    Plain(SocketFactory sockets) {
      this.sockets = sockets;
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(sockets.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return noDelay(sockets.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return noDelay(sockets.createSocket(address, port, localAddress, localPort));
    }
  }

  /** TLS from the start, around the factory of the SSL bundle. */
  static final class Tls extends SSLSocketFactory {

    private final SSLSocketFactory sockets;

    Tls(SSLSocketFactory sockets) {
      this.sockets = sockets;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return sockets.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return sockets.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(sockets.createSocket());
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
        throws IOException {
      return noDelay(sockets.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose)
        throws IOException {
      return noDelay(sockets.createSocket(socket, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return noDelay(sockets.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return noDelay(sockets.createSocket(address, port, localAddress, localPort));
    }
  }
}
