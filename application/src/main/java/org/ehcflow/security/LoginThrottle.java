package org.ehcflow.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Failed log-ins per client address (REST Basic and the web apps' login alike), so that guessing
 * slows the guesser and not the person whose account is guessed. Kept in memory on each node: it is
 * lost on a restart and not shared between nodes, which only ever lets a client in sooner. Times
 * are the engine's clock, the same clock as the engine's own log-in delay and lock.
 */
@Component
public class LoginThrottle {

  /** A client address with failed log-ins still in the window. */
  public record Client(String address, int failures, Instant refusedUntil) {}

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final LoginThrottleProperties properties;

  public LoginThrottle(LoginThrottleProperties properties) {
    this.properties = properties;
  }

  /** How long the client must wait before it may try again, if it is refused now. */
  public Optional<Duration> refusedFor(String address) {
    Instant now = now();
    return refusedUntil(address, now).map(until -> Duration.between(now, until));
  }

  public void recordFailure(String address) {
    Instant now = now();
    // Each change of an address's record is made under the map's lock for that address, so a
    // failure is never added to a record the minute's clean-up is just removing.
    failures.compute(
        address,
        (key, times) -> {
          Deque<Instant> record = times == null ? new ArrayDeque<>() : times;
          forgetOld(record, now);
          record.addLast(now);
          return record;
        });
  }

  /** Lets the client try again at once; false if it had no failed log-ins. */
  public boolean lift(String address) {
    return failures.remove(address) != null;
  }

  public List<Client> clients() {
    Instant now = now();
    List<Client> clients = new ArrayList<>();
    for (String address : failures.keySet()) {
      failures.computeIfPresent(
          address,
          (key, times) -> {
            forgetOld(times, now);
            if (!times.isEmpty()) {
              clients.add(new Client(address, times.size(), refusedUntil(times).orElse(null)));
            }
            return times.isEmpty() ? null : times;
          });
    }
    clients.sort(Comparator.comparing(Client::address));
    return clients;
  }

  /**
   * Drops addresses whose failures have all left the window, so the map does not grow without end.
   */
  void forgetExpired() {
    Instant now = now();
    for (String address : failures.keySet()) {
      failures.computeIfPresent(
          address,
          (key, times) -> {
            forgetOld(times, now);
            return times.isEmpty() ? null : times;
          });
    }
  }

  private Optional<Instant> refusedUntil(String address, Instant now) {
    List<Instant> until = new ArrayList<>(1);
    failures.computeIfPresent(
        address,
        (key, times) -> {
          forgetOld(times, now);
          refusedUntil(times).ifPresent(until::add);
          return times.isEmpty() ? null : times;
        });
    return until.stream().findFirst();
  }

  private Optional<Instant> refusedUntil(Deque<Instant> times) {
    if (times.size() < properties.maxFailures()) {
      return Optional.empty();
    }
    // Refused until enough of its failures have left the window to bring it under the limit.
    Instant deciding =
        times.stream().skip(times.size() - properties.maxFailures()).findFirst().orElseThrow();
    return Optional.of(deciding.plus(properties.window()));
  }

  private void forgetOld(Deque<Instant> times, Instant now) {
    Instant start = now.minus(properties.window());
    while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
      times.removeFirst();
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
