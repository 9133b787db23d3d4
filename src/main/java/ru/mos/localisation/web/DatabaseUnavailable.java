package ru.mos.localisation.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database is away: the investor API answers 503 problem+json with Retry-After instead of 500
 * (see {@link ApiExceptionHandler}; authentication answers the same when it cannot reach the
 * identity tables, see {@code ProblemSecurityHandlers}).
 */
final class DatabaseUnavailable {

  private DatabaseUnavailable() {}

  static final String RETRY_AFTER_SECONDS = "5";
  static final String DETAIL = "The service is temporarily unavailable; please retry shortly";

  /**
   * A lost or refused database connection, however deep the engine or Spring wrapped it: also a
   * pooled connection that the stopping server ended (SQL state 57P01-57P03, "terminating
   * connection due to administrator command").
   */
  static boolean isCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || (t instanceof SQLException sql && connectionLost(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean connectionLost(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
  }
}
