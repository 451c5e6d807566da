package org.ehcflow.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The council as its documents and letters name it ({@code ehc.council}): its name, address and
 * contacts, its logo, and the local SEND information, advice and support service (SENDIASS) every
 * decision letter must point the family to.
 *
 * @param logo a Spring resource location ({@code classpath:council/logo.png}, {@code
 *     file:/etc/ehc/logo.png}); blank or missing, the documents carry the council's name only
 */
@ConfigurationProperties("ehc.council")
public record CouncilProperties(
    String name, String address, String logo, String email, String phone, Sendiass sendiass) {

  /** The local SEND information, advice and support service. */
  public record Sendiass(String name, String phone, String url) {}

  public CouncilProperties {
    name = name == null || name.isBlank() ? "Example Council" : name.strip();
    sendiass = sendiass == null ? new Sendiass(null, null, null) : sendiass;
  }
}
