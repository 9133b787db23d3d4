package ru.mos.localisation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on H2, listening on a random port, with the demo data: one Spring context
 * that every class so annotated shares (add nothing to it that changes the context, or the class
 * gets a context of its own).
 *
 * <p>Its engine is named {@code default}, as in production, so that {@code /engine-rest/...}
 * without {@code /engine/<name>}, the webapps' {@code .../default/} pages and Tasklist in a browser
 * address it. Only one live context of the JVM may name its engine so: every other test context
 * keeps the test profile's unique names and addresses its engine by name. No job executor: tests
 * run the jobs they need themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles({"demo", "test"})
// metrics exported as in production, so that /actuator/prometheus answers (supervision.MetricsTests)
@AutoConfigureObservability(tracing = false)
public @interface ApplicationTest {}
