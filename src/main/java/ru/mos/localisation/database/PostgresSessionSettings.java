package ru.mos.localisation.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The planner settings of every connection to PostgreSQL, whichever profile runs the application:
 * {@code localisation.database.postgres-settings} (a map of setting to value) becomes the pool's
 * {@code SET …} statement for each new connection. An explicit
 * {@code spring.datasource.hikari.connection-init-sql} wins; other databases are left alone.
 *
 * <p>Before, the settings lived in the {@code postgres} profile, so a PostgreSQL named by
 * {@code SPRING_DATASOURCE_URL} alone ran without them (README, Performance).
 */
@Component
public class PostgresSessionSettings implements BeanPostProcessor, EnvironmentAware {

  static final String PROPERTY = "localisation.database.postgres-settings";
  private static final Pattern NAME = Pattern.compile("[a-z_]+");
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._-]+");

  private Map<String, String> settings = Map.of();

  @Override
  public void setEnvironment(Environment environment) {
    settings =
        new TreeMap<>(Binder.get(environment).bind(PROPERTY, Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
    settings.forEach(
        (name, value) -> {
          if (!NAME.matcher(name).matches() || !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL setting: " + PROPERTY + "[" + name + "]=" + value);
          }
        });
  }

  /** The statement each new connection runs, or null when there is nothing to set. */
  String initSql() {
    return settings.isEmpty()
        ? null
        : settings.entrySet().stream().map(e -> "SET " + e.getKey() + " = " + e.getValue()).collect(Collectors.joining("; "));
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool
        && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
        && pool.getConnectionInitSql() == null) {
      pool.setConnectionInitSql(initSql());
    }
    return bean;
  }
}
