package org.ehcflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that connects from a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so a
 * test can be several clients of one server, as the server's request.getRemoteAddr() sees them.
 * Linux routes all of 127.0.0.0/8 to the loopback interface.
 */
public final class LoopbackClient {

  public record Answer(int status, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  private final String address;
  private final int port;

  /** Cookies the server set, sent back as a browser would (one session per client). */
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public LoopbackClient(String address, int port) {
    this.address = address;
    this.port = port;
  }

  public String address() {
    return address;
  }

  public String cookie(String name) {
    return cookies.get(name);
  }

  public Answer get(String path, String user, String password, Map<String, String> headers) {
    return send("GET", path, user, password, headers, null, null);
  }

  public Answer send(
      String method,
      String path,
      String user,
      String password,
      Map<String, String> headers,
      String contentType,
      String body) {
    StringBuilder request =
        new StringBuilder()
            .append(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\n")
            .append("Host: 127.0.0.1:")
            .append(port)
            .append("\r\n")
            .append("Connection: close\r\n")
            .append("Accept: application/json, text/html\r\n");
    if (user != null) {
      request
          .append("Authorization: Basic ")
          .append(
              Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
          .append("\r\n");
    }
    if (!cookies.isEmpty()) {
      request
          .append("Cookie: ")
          .append(
              String.join(
                  "; ",
                  cookies.entrySet().stream()
                      .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                      .toList()))
          .append("\r\n");
    }
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      request.append("Content-Type: ").append(contentType).append("\r\n");
    }
    request.append("Content-Length: ").append(content.length).append("\r\n\r\n");

    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(address, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      if (name.equals("set-cookie")) {
        String pair = value.split(";", 2)[0];
        int equals = pair.indexOf('=');
        cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
    List<String> encoding = headers.get("transfer-encoding");
    if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
      body = dechunk(new java.io.ByteArrayInputStream(body));
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        if (c != '\r') {
          size.append((char) c);
        }
      }
      String hex = size.toString().split(";")[0].trim();
      int length = hex.isEmpty() ? 0 : Integer.parseInt(hex, 16);
      if (length == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(length));
      in.read();
      in.read();
    }
  }
}
