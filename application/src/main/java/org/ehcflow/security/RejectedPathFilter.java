package org.ehcflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's own firewall (the same rules, {@link StrictHttpFirewall}), applied before any
 * other filter. Spring Security checks paths only after a filter of its own has parsed them, and
 * that parse fails on a path Tomcat maps to a servlet differently from how it was written ({@code
 * //engine-rest//task}): the answer was 500. Here such a path is refused with 400 first.
 */
public class RejectedPathFilter extends OncePerRequestFilter {

  private final HttpFirewall firewall = new StrictHttpFirewall();
  private final RequestRejectedHandler rejected =
      new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      firewall.getFirewalledRequest(request);
    } catch (RequestRejectedException e) {
      rejected.handle(request, response, e);
      return;
    }
    chain.doFilter(request, response);
  }
}
