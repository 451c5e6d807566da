package org.ehcflow.security;

import java.util.List;
import java.util.Map;
import org.ehcflow.vocabulary.EhcGroups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators see which accounts the engine has locked or is delaying and which client addresses
 * are held back for failed log-ins, and lift either. The Admin web app's "Unlock user" lifts an
 * account's lock too; client addresses are known only here.
 */
@RestController
@RequestMapping("/api/admin/locks")
public class AccountLocksController {

  private final AccountLocks accounts;
  private final LoginThrottle throttle;

  public AccountLocksController(AccountLocks accounts, LoginThrottle throttle) {
    this.accounts = accounts;
    this.throttle = throttle;
  }

  @GetMapping
  public ResponseEntity<?> locks(Authentication caller) {
    if (!isAdministrator(caller)) {
      return forbidden();
    }
    List<AccountLocks.Account> users = accounts.accounts();
    List<LoginThrottle.Client> clients = throttle.clients();
    return ResponseEntity.ok(Map.of("users", users, "clients", clients));
  }

  @DeleteMapping("/users/{userId}")
  public ResponseEntity<?> unlockUser(@PathVariable String userId, Authentication caller) {
    if (!isAdministrator(caller)) {
      return forbidden();
    }
    return accounts.unlock(userId)
        ? ResponseEntity.noContent().build()
        : message(HttpStatus.NOT_FOUND, "No user " + userId + ".");
  }

  @DeleteMapping("/clients/{address:.+}")
  public ResponseEntity<?> liftClient(@PathVariable String address, Authentication caller) {
    if (!isAdministrator(caller)) {
      return forbidden();
    }
    return throttle.lift(address)
        ? ResponseEntity.noContent().build()
        : message(HttpStatus.NOT_FOUND, "No failed log-ins on record from " + address + ".");
  }

  private static boolean isAdministrator(Authentication caller) {
    return caller != null
        && caller.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(EhcGroups.CAMUNDA_ADMIN.id()::equals);
  }

  private static ResponseEntity<?> forbidden() {
    return message(
        HttpStatus.FORBIDDEN, "Only administrators (camunda-admin) may see and lift log-in locks.");
  }

  private static ResponseEntity<?> message(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", message));
  }
}
