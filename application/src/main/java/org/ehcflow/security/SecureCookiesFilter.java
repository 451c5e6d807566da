package org.ehcflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over HTTPS every cookie is marked {@code Secure}, so a browser never sends it over plain HTTP.
 * Tomcat already marks its session cookie so when the request is secure; Camunda's web apps write
 * their {@code XSRF-TOKEN} cookie as a raw header and mark it only if told to for every request
 * ({@code camunda.bpm.webapp.csrf.enable-secure-cookie}), which would lose the cookie on a plain
 * HTTP installation. Deciding per request follows how the request came in (behind a proxy: {@code
 * X-Forwarded-Proto}, see {@code server.forward-headers-strategy}).
 */
public class SecureCookiesFilter extends OncePerRequestFilter {

  static final String SET_COOKIE = "Set-Cookie";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.isSecure();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(
        request,
        new HttpServletResponseWrapper(response) {

          @Override
          public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
          }

          @Override
          public void addHeader(String name, String value) {
            super.addHeader(name, secured(name, value));
          }

          @Override
          public void setHeader(String name, String value) {
            super.setHeader(name, secured(name, value));
          }
        });
  }

  static String secured(String name, String value) {
    if (!SET_COOKIE.equalsIgnoreCase(name)
        || value == null
        || Arrays.stream(value.split(";"))
            .anyMatch(attribute -> attribute.strip().equalsIgnoreCase("Secure"))) {
      return value;
    }
    return value + "; Secure";
  }
}
