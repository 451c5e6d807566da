package org.ehcflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.ehcflow.platform.DatabaseUnavailableFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

@Configuration
public class SecurityConfig {

  static final String REALM = "EHC Flow";

  /** The REST API's answers: data, never a page that loads or runs anything. */
  public static final String API_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /**
   * The REST API: HTTP Basic against the engine's users, no session, no anonymous access. CSRF
   * protection is for browsers holding a session cookie, which this API never issues.
   */
  @Bean
  @Order(1)
  SecurityFilterChain engineRestApi(
      HttpSecurity http,
      CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService)
      throws Exception {
    BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName(REALM);
    return http
        // Path patterns, not MVC patterns: the REST API is Jersey's servlet, not Spring MVC's.
        .securityMatcher(
            new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
        .authenticationManager(new ProviderManager(provider))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .addFilterAfter(
            new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        // JSON, CSV and XML load nothing, and the printable chronology sets its own policy with the
        // hash of its one style block (ChronologyPage): nothing else may run, load or frame them.
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }

  /**
   * The web apps (Tasklist, Cockpit, Admin) keep their own login, session and CSRF filter; a second
   * CSRF check here would break them. Everything else here is public by design.
   */
  @Bean
  @Order(2)
  SecurityFilterChain webApps(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        // The web apps send their own Content-Security-Policy; their links stay within the site.
        .headers(
            headers ->
                headers
                    .frameOptions(frame -> frame.sameOrigin())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  /**
   * Both doors to the engine's REST API: the integrators' {@code /engine-rest} (after Spring
   * Security has named the caller) and the web apps' copy that Tasklist and Cockpit call.
   */
  @Bean
  FilterRegistrationBean<EngineApiGuardFilter> engineApiGuardFilter(
      EngineApiGuard guard, CamundaBpmProperties camunda) {
    String webApps = camunda.getWebapp().getApplicationPath();
    FilterRegistrationBean<EngineApiGuardFilter> registration =
        new FilterRegistrationBean<>(new EngineApiGuardFilter(guard, webApps));
    registration.addUrlPatterns(EngineApiCall.REST_PREFIX + "/*", webApps + "/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  /**
   * A path the firewall refuses (a double slash, an encoded slash, "..", a semicolon, a backslash)
   * is a bad request, not a server error: Spring Security's default rethrows it, and the container
   * then answers 500.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
  }

  /** Before every other filter, so no filter parses a path the firewall refuses. */
  @Bean
  FilterRegistrationBean<RejectedPathFilter> rejectedPathFilter() {
    FilterRegistrationBean<RejectedPathFilter> registration =
        new FilterRegistrationBean<>(new RejectedPathFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Around Spring Security and the web apps, so a log-in check that meets a database restart is a
   * 503 too.
   */
  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
    FilterRegistrationBean<DatabaseUnavailableFilter> registration =
        new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
    return registration;
  }

  /** Before the web apps' own filters, so their XSRF-TOKEN cookie passes through it. */
  @Bean
  FilterRegistrationBean<SecureCookiesFilter> secureCookiesFilter() {
    FilterRegistrationBean<SecureCookiesFilter> registration =
        new FilterRegistrationBean<>(new SecureCookiesFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  /**
   * Before Spring Security and the web apps' login, so a client refused for failed log-ins never
   * has its credentials checked; after Spring's forwarded-header filter, when one is configured.
   */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(
      LoginThrottle throttle, CamundaBpmProperties camunda) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(
            new LoginThrottleFilter(throttle, camunda.getWebapp().getApplicationPath()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** Before the web apps' own filters, so it sees the header and the page they write. */
  @Bean
  FilterRegistrationBean<WebAppNonceFilter> webAppNonceFilter(CamundaBpmProperties camunda) {
    FilterRegistrationBean<WebAppNonceFilter> registration =
        new FilterRegistrationBean<>(
            new WebAppNonceFilter(camunda.getWebapp().getApplicationPath()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    return registration;
  }
}
