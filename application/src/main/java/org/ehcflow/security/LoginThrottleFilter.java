package org.ehcflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts failed log-ins per client address and refuses a client that has failed too often (429 with
 * Retry-After) before its credentials reach the engine, so its guesses neither use up the account's
 * attempts nor delay the account's owner. Covers HTTP Basic on the REST API and the API of EHC
 * Flow, and the web apps' login form. The address is request.getRemoteAddr(): a forwarded-for
 * header counts only when the server is configured to trust its proxy
 * (server.forward-headers-strategy), which then sets the remote address itself.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final Pattern webAppLogin;

  /**
   * @param webAppPath the web apps' application path, e.g. {@code /camunda}
   */
  LoginThrottleFilter(LoginThrottle throttle, String webAppPath) {
    this.throttle = throttle;
    this.webAppLogin =
        Pattern.compile(Pattern.quote(webAppPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return !(path.startsWith("/engine-rest/")
        || path.equals("/engine-rest")
        || path.startsWith("/api/")
        || isWebAppLogin(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    Optional<Duration> refused = throttle.refusedFor(address);
    if (refused.isPresent()) {
      refuse(response, refused.get());
      return;
    }
    chain.doFilter(request, response);
    boolean triedCredentials = isWebAppLogin(request) || hasBasicCredentials(request);
    // 401 is a wrong password (or an account still in the engine's delay); the web apps answer a
    // right password without access to the app with 403, which is no guess.
    if (triedCredentials && response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      throttle.recordFailure(address);
    }
  }

  private boolean isWebAppLogin(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && webAppLogin.matcher(path(request)).matches();
  }

  private static boolean hasBasicCredentials(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    byte[] body =
        ("{\"type\":\"TooManyFailedLogins\",\"message\":\"Too many failed log-ins from this address. "
                + "Try again in "
                + seconds
                + " seconds, or ask an administrator to lift the limit.\"}")
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
