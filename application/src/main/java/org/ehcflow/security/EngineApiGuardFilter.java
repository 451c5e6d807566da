package org.ehcflow.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link EngineApiGuard} in front of both doors to the engine's REST API. It runs after the
 * caller is known (Spring Security for {@code /engine-rest}, the web apps' own login for Tasklist
 * and Cockpit) and before the engine reads anything, so a refused write changes nothing.
 */
class EngineApiGuardFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(EngineApiGuardFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The largest body judged: a draft plan of eleven 20,000-character sections is far below it. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final EngineApiGuard guard;
  private final String webAppPath;

  EngineApiGuardFilter(EngineApiGuard guard, String webAppPath) {
    this.guard = guard;
    this.webAppPath = webAppPath;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<EngineApiCall> found = EngineApiCall.of(request, webAppPath);
    if (found.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    EngineApiCall call = found.get();
    Optional<EngineApiGuard.Caller> caller = guard.caller().or(() -> webAppUser(request));
    if (caller.isEmpty()) {
      // The web apps answer an anonymous call themselves; an anonymous write never reaches the
      // engine.
      if (call.reads()) {
        chain.doFilter(request, response);
      } else {
        refuse(response, new Refusal(401, "AuthenticationException", "Log in first"));
      }
      return;
    }
    HttpServletRequest forward = request;
    Supplier<JsonNode> body = MissingNode::getInstance;
    if (!call.reads() && isJson(request)) {
      byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        refuse(
            response,
            Refusal.tooLarge(
                "The request is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB"));
        return;
      }
      JsonNode parsed;
      try {
        parsed = bytes.length == 0 ? MissingNode.getInstance() : JSON.readTree(bytes);
      } catch (JsonProcessingException notJson) {
        refuse(response, Refusal.badRequest("The request body is not valid JSON"));
        return;
      }
      JsonNode judged = parsed == null ? MissingNode.getInstance() : parsed;
      body = () -> judged;
      forward = new CachedBodyRequest(request, bytes);
    }
    Supplier<JsonNode> judgedBody = body;
    Optional<Refusal> refusal =
        guard.asCaller(caller.get(), () -> guard.check(call, caller.get(), judgedBody));
    if (refusal.isPresent()) {
      log.info(
          "Refused {} {} for {}: {}",
          call.method(),
          call.path(),
          caller.get().userId(),
          refusal.get().message());
      refuse(response, refusal.get());
      return;
    }
    chain.doFilter(forward, response);
  }

  /**
   * The web apps' user, from their session: their own filter hands the user to the engine too, but
   * the order of the two filters is the servlet container's, so the session is read here.
   */
  private Optional<EngineApiGuard.Caller> webAppUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return Optional.empty();
    }
    return authentications.getAuthentications().stream()
        .filter(authentication -> authentication.getName() != null)
        .findFirst()
        .map(
            user ->
                new EngineApiGuard.Caller(
                    user.getName(),
                    user.getGroupIds() == null
                        ? java.util.List.of()
                        : java.util.List.copyOf(user.getGroupIds())));
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json");
  }

  private static void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", refusal.type());
    body.put("message", refusal.message());
    response.setStatus(refusal.status());
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  /** The request with its body read once here and read again by the engine. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          try {
            return bytes.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding =
          getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              new ByteArrayInputStream(body), java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
