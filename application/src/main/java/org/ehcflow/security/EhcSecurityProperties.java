package org.ehcflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminPassword the administrator's password; required outside the demo profile
 */
@ConfigurationProperties("ehc.security")
public record EhcSecurityProperties(String adminPassword) {}
