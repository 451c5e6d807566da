package org.ehcflow.tasklist;

import java.util.Map;
import org.ehcflow.documents.CouncilProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The names the web apps show in the browser's title and their header: the council's ({@code
 * ehc.council.name}, as on its letters) and the product's. Read by Tasklist's and Cockpit's {@code
 * config.js} before anyone has logged in (the login page carries them too), so it is public: both
 * names are on every letter the council sends.
 */
@RestController
public class WebAppBranding {

  static final String PRODUCT = "EHC Flow";

  private final CouncilProperties council;

  public WebAppBranding(CouncilProperties council) {
    this.council = council;
  }

  @GetMapping(path = "/ehc/branding", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> branding() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noCache())
        .body(Map.of("council", council.name(), "product", PRODUCT));
  }
}
