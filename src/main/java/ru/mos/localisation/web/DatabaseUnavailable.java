package ru.mos.localisation.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
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

  /** A lost or refused database connection, however deep the engine or Spring wrapped it. */
  static boolean isCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
        return true;
      }
    }
    return false;
  }
}
