package ru.mos.localisation.shared;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Year;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Hands out registry numbers {@code LOC-<year>-<5 digits>} from a database sequence, so that
 * concurrent intakes on several nodes never collide and never wait for each other.
 */
@Component
public class RegistryNumbers {

  private static final String SEQUENCE = "registry_number_seq";

  private final DataFieldMaxValueIncrementer sequence;
  private final Clock clock;

  public RegistryNumbers(DataSource dataSource, Clock clock) throws MetaDataAccessException {
    this.clock = clock;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.sequence =
        DatabaseDriver.fromProductName(product) == DatabaseDriver.POSTGRESQL
            ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
            : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  public String next() {
    return "LOC-%d-%05d".formatted(Year.now(clock).getValue(), sequence.nextLongValue());
  }

  /** The investment agreement of an approved request carries the request's own year and serial. */
  public static String agreementNumberFor(String requestNumber) {
    return "AGR-" + requestNumber.substring("LOC-".length());
  }
}
