package org.ehcflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda 7.24's web apps keep the Content-Security-Policy nonce of "the current response" in one
 * attribute of the whole servlet context: the header is written with one request's nonce, and the
 * index page's script tags are stamped with whatever nonce the latest request left there. When two
 * requests overlap (two people opening Tasklist at the same moment, or one person's page still
 * loading while they open another), the page's own scripts carry another response's nonce, the
 * browser refuses them all, and the person sees a spinner that never ends.
 *
 * <p>This stamps each index page's script tags with the nonce of the header sent with that page, so
 * the two always agree. The nonce stays random per response, as the policy intends. Only the web
 * apps' HTML pages pass through the buffer; their scripts, styles and API do not.
 */
public class WebAppNonceFilter extends OncePerRequestFilter {

  static final String CSP_HEADER = "Content-Security-Policy";

  private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/_=-]+)'");
  private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"[^\"]*\"");

  private final String appsPath;

  /**
   * @param webAppPath the web apps' application path, e.g. {@code /camunda}
   */
  public WebAppNonceFilter(String webAppPath) {
    this.appsPath = webAppPath + "/app/";
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(appsPath)) {
      return true;
    }
    String lastSegment = path.substring(path.lastIndexOf('/') + 1);
    // Index pages are folders ("tasklist/default/") or index.html; everything else is a file.
    return lastSegment.contains(".") && !lastSegment.endsWith(".html");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, page);
      Optional<String> nonce = headerNonce(page.getHeader(CSP_HEADER));
      String contentType = page.getContentType();
      if (nonce.isPresent() && contentType != null && contentType.startsWith("text/html")) {
        // Latin-1 maps every byte to one character and back, so nothing else in the page changes.
        String html = new String(page.getContentAsByteArray(), StandardCharsets.ISO_8859_1);
        String agreed =
            PAGE_NONCE
                .matcher(html)
                .replaceAll(Matcher.quoteReplacement("nonce=\"" + nonce.get() + "\""));
        page.resetBuffer();
        page.getOutputStream().write(agreed.getBytes(StandardCharsets.ISO_8859_1));
      }
    } finally {
      page.copyBodyToResponse();
    }
  }

  static Optional<String> headerNonce(String policy) {
    if (policy == null) {
      return Optional.empty();
    }
    Matcher nonce = HEADER_NONCE.matcher(policy);
    return nonce.find() ? Optional.of(nonce.group(1)) : Optional.empty();
  }
}
