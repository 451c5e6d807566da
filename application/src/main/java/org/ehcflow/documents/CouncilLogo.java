package org.ehcflow.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The council's logo ({@code ehc.council.logo}) as the documents embed it, read once. A logo that
 * is not set, cannot be found or is not a PNG, JPEG or GIF image leaves the documents with the
 * council's name only, and says so once in the log: a letter is never held up for a picture.
 */
@Component
public class CouncilLogo {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilLogo.class);
  private static final int MAX_BYTES = 2 * 1024 * 1024;

  private final Optional<String> dataUri;

  public CouncilLogo(CouncilProperties council, ResourceLoader resources) {
    this.dataUri = load(council.logo(), resources);
  }

  /** The logo as a {@code data:} URI, or empty when the documents show the name only. */
  public Optional<String> dataUri() {
    return dataUri;
  }

  static Optional<String> load(String location, ResourceLoader resources) {
    if (location == null || location.isBlank()) {
      return Optional.empty();
    }
    String type = typeOf(location);
    if (type == null) {
      LOG.warn(
          "ehc.council.logo '{}' is not a PNG, JPEG or GIF image: documents show the council's"
              + " name without a logo",
          location);
      return Optional.empty();
    }
    Resource logo = resources.getResource(location.strip());
    try (InputStream in = logo.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length == 0 || bytes.length > MAX_BYTES) {
        LOG.warn(
            "ehc.council.logo '{}' is empty or larger than 2 MB: documents show the council's"
                + " name without a logo",
            location);
        return Optional.empty();
      }
      return Optional.of("data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes));
    } catch (IOException missing) {
      LOG.warn(
          "ehc.council.logo '{}' cannot be read ({}): documents show the council's name without"
              + " a logo",
          location,
          missing.getMessage());
      return Optional.empty();
    }
  }

  private static String typeOf(String location) {
    String name = location.strip().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      return "image/png";
    }
    if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (name.endsWith(".gif")) {
      return "image/gif";
    }
    return null;
  }
}
