package ru.mos.localisation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import ru.mos.localisation.request.RequestRegistry;

/**
 * The whole application on a real PostgreSQL ({@link EmbeddedPostgresConfiguration}), listening on
 * a random port, with the demo data and the job executor running as in production: one Spring
 * context and one database that every class so annotated shares. The database starts with the
 * context and stops after everything that uses it, when the JVM's context cache closes.
 *
 * <p>Classes that drive jobs themselves pause the job executor ({@link JobExecutorPaused}). The
 * request registry is a Mockito spy in every such class, so that a class that makes it fail once
 * ({@code CrashSafetyTests}) shares the context; a spy does what the registry does unless
 * stubbed, and is reset after each test. The engine's name is unique (test profile): other test
 * contexts of the JVM have engines of their own; {@code /engine-rest} is called with
 * {@code /engine/<name>}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // screening and the other asynchronous steps run by themselves, as in production
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.job-execution.wait-time-in-millis=500",
      "camunda.bpm.job-execution.max-wait=2000"
    })
@ActiveProfiles({"demo", "test"})
@Import(EmbeddedPostgresConfiguration.class)
@MockitoSpyBean(types = RequestRegistry.class)
public @interface PostgresTest {}
