package org.ehcflow.security;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine's account-level log-in record: failed attempts, its growing delay, and its lock after
 * login-max-attempts, which lasts until an administrator lifts it. Anyone's wrong password counts
 * against the account, so a counter that never forgot would let one slow guesser lock anyone out in
 * time. Once an account has had no failure for a while (and its delay has passed) its failures are
 * forgotten; with each client held to a few failures in a far longer window (LoginThrottle), no
 * single client address can bring an account to the lock.
 */
@Component
public class AccountLocks {

  private static final Logger log = LoggerFactory.getLogger(AccountLocks.class);

  /** A user with failed log-ins on record. */
  public record Account(
      String userId,
      int failedAttempts,
      boolean locked,
      boolean untilUnlocked,
      Instant lockedUntil) {}

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final LoginThrottle throttle;
  private final Duration forgetAfter;
  private ScheduledExecutorService sweeper;

  public AccountLocks(
      IdentityService identityService,
      ProcessEngineConfigurationImpl engineConfiguration,
      LoginThrottle throttle,
      LoginThrottleProperties properties) {
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
    this.throttle = throttle;
    this.forgetAfter = properties.forgetAccountFailuresAfter();
  }

  @EventListener(ApplicationReadyEvent.class)
  void startSweeping() {
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "ehc-login-failures-sweep");
              thread.setDaemon(true);
              return thread;
            });
    sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stopSweeping() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }

  private void sweep() {
    try {
      forgetQuietFailures();
      throttle.forgetExpired();
    } catch (RuntimeException e) {
      // The next sweep tries again; until then failures are only remembered a little longer.
      log.warn("Could not forget old failed log-ins", e);
    }
  }

  /** Forgets the failures of accounts below the lock whose last failure is old enough; how many. */
  public int forgetQuietFailures() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int forgotten = 0;
    for (UserEntity user : usersWithFailures()) {
      Date delayEnds = user.getLockExpirationTime();
      boolean quiet = delayEnds == null || !delayEnds.toInstant().plus(forgetAfter).isAfter(now);
      if (user.getAttempts() < maxAttempts() && quiet) {
        identityService.unlockUser(user.getId());
        forgotten++;
      }
    }
    return forgotten;
  }

  public List<Account> accounts() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return usersWithFailures().stream()
        .map(
            user -> {
              boolean untilUnlocked = user.getAttempts() >= maxAttempts();
              Instant delayEnds =
                  user.getLockExpirationTime() == null
                      ? null
                      : user.getLockExpirationTime().toInstant();
              boolean delayed = delayEnds != null && delayEnds.isAfter(now);
              return new Account(
                  user.getId(),
                  user.getAttempts(),
                  untilUnlocked || delayed,
                  untilUnlocked,
                  untilUnlocked || !delayed ? null : delayEnds);
            })
        .sorted(Comparator.comparing(Account::userId))
        .toList();
  }

  /** Lifts the account's lock and forgets its failures; false if there is no such user. */
  public boolean unlock(String userId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      return false;
    }
    identityService.unlockUser(userId);
    return true;
  }

  private int maxAttempts() {
    return engineConfiguration.getLoginMaxAttempts();
  }

  private List<UserEntity> usersWithFailures() {
    // The engine's user query has no filter on failed attempts; its own table has.
    List<User> users =
        identityService
            .createNativeUserQuery()
            .sql("SELECT * FROM ACT_ID_USER WHERE ATTEMPTS_ > 0")
            .list();
    return users.stream().map(UserEntity.class::cast).toList();
  }
}
