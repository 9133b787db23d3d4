package ru.mos.localisation.web;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
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
   * Spring's reading of a driver's exception: its JDBC 4 subclass (a transient or lost
   * connection), else its SQL state class (08 connection exception, 57 operator intervention such
   * as PostgreSQL's 57P01 "terminating connection due to administrator command", ...).
   */
  private static final SQLExceptionTranslator TRANSLATOR = new SQLExceptionSubclassTranslator();

  /**
   * A lost or refused database connection, however deep the engine or Spring wrapped it: what
   * Spring's exception hierarchy calls a resource failure, transient or not.
   */
  static boolean isCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      DataAccessException translated =
          t instanceof SQLException sql ? TRANSLATOR.translate("database access", null, sql)
              : t instanceof DataAccessException dataAccess ? dataAccess
              : null;
      if (t instanceof CannotCreateTransactionException
          || translated instanceof DataAccessResourceFailureException
          || translated instanceof TransientDataAccessResourceException) {
        return true;
      }
    }
    return false;
  }
}
