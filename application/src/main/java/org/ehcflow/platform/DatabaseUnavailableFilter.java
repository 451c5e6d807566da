package org.ehcflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that meets the database restarting (its connection cut under it, at the log-in check or
 * anywhere later) is answered 503 with Retry-After: the server is not broken and the client should
 * send it again, which a 500 would not say. Outermost but for the path firewall, so it covers
 * Spring Security's log-in check too.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  static final String RETRY_AFTER_SECONDS = "30";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException failure) {
      if (!DatabaseFailures.isLostConnection(failure) || response.isCommitted()) {
        throw failure;
      }
      log.warn(
          "{} {}: the database connection was lost ({}); answered 503",
          request.getMethod(),
          request.getRequestURI(),
          failure.getMessage());
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "{\"message\":\"The database could not be reached. The request may not have been"
                  + " carried out: send it again in a minute.\"}");
    }
  }
}
