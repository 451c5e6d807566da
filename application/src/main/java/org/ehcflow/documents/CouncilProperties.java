package org.ehcflow.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The council as its documents and letters show it ({@code ehc.council.*}).
 *
 * @param name the council's name, printed on every letter and document
 * @param address its postal address, lines separated by line breaks; may be missing
 * @param logo a Spring resource location of the logo (PNG or JPEG), e.g. {@code
 *     file:/etc/ehc/logo.png}; when missing, the documents show the name only
 * @param email the SEND team's contact address; may be missing
 * @param phone the SEND team's telephone number; may be missing
 * @param sendiass the local SEND information, advice and support service; may be missing
 */
@ConfigurationProperties("ehc.council")
public record CouncilProperties(
    String name, String address, String logo, String email, String phone, Sendiass sendiass) {

  /** The local SENDIASS, which letters to families name. */
  public record Sendiass(String name, String phone, String url) {}
}
