package org.ehcflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

@Configuration
public class SecurityConfig {

  static final String REALM = "EHC Flow";

  /**
   * The REST API: HTTP Basic against the engine's users, no session, no anonymous access. CSRF
   * protection is for browsers holding a session cookie, which this API never issues.
   */
  @Bean
  @Order(1)
  SecurityFilterChain engineRestApi(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService) throws Exception {
    BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName(REALM);
    return http
        // Path patterns, not MVC patterns: the REST API is Jersey's servlet, not Spring MVC's.
        .securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
        .authenticationManager(new ProviderManager(provider))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        .build();
  }

  /**
   * The web apps (Tasklist, Cockpit, Admin) keep their own login, session and CSRF filter; a
   * second CSRF check here would break them. Everything else here is public by design.
   */
  @Bean
  @Order(2)
  SecurityFilterChain webApps(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  /**
   * Before Spring Security and the web apps' login, so a client refused for failed log-ins never
   * has its credentials checked; after Spring's forwarded-header filter, when one is configured.
   */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, CamundaBpmProperties camunda) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, camunda.getWebapp().getApplicationPath()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** Before the web apps' own filters, so it sees the header and the page they write. */
  @Bean
  FilterRegistrationBean<WebAppNonceFilter> webAppNonceFilter(CamundaBpmProperties camunda) {
    FilterRegistrationBean<WebAppNonceFilter> registration =
        new FilterRegistrationBean<>(new WebAppNonceFilter(camunda.getWebapp().getApplicationPath()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
