package org.ehcflow.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Content-Security-Policy of a printable page with one style block and nothing else: no script,
 * no other source, no framing, no form. A name typed as HTML could not run even if its escaping
 * ever failed. The style is allowed by its hash, not by 'unsafe-inline'.
 */
public final class PagePolicy {

  public static final String HEADER = "Content-Security-Policy";

  private PagePolicy() {}

  /**
   * @param styleBlock the exact text between the page's {@code <style>} and {@code </style>}
   */
  public static String withStyle(String styleBlock) {
    return "default-src 'none'; style-src "
        + hashOf(styleBlock)
        + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  }

  private static String hashOf(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
