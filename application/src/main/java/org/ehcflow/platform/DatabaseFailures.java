package org.ehcflow.platform;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database going away (a restart, a cut connection) rather than something
 * about the request: the engine wraps the driver's exception in its own, so the causes are read,
 * including the SQL state (class 08, connection exception; 57P, the server shutting down or an
 * administrator ending the session), or the pool's word that it closed the connection.
 */
public final class DatabaseFailures {

  /**
   * What the connection pool says of a connection it closed under a statement (it gives no SQL
   * state).
   */
  private static final String CLOSED_BY_POOL = "Connection is closed";

  private DatabaseFailures() {}

  public static boolean isLostConnection(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLRecoverableException
          || cause instanceof SocketException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessResourceException
          || cause instanceof CannotCreateTransactionException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && (sql.getSQLState() != null
                  && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))
              || CLOSED_BY_POOL.equals(sql.getMessage()))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
