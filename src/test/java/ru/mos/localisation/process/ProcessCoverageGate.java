package ru.mos.localisation.process;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process test coverage for the process tests: the engine records every flow node and sequence
 * flow a test class passes, the HTML report lands in {@code target/process-test-coverage/}, and a
 * test class below the threshold fails the build.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverageGate {

  /** Flow nodes and sequence flows of the process that one test class must pass, together. */
  public static final double MINIMUM_CLASS_COVERAGE = 0.95;

  /** Primary: the imported configuration defines default properties, which would win otherwise. */
  @Bean
  @Primary
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder()
        .assertClassCoverageAtLeast(MINIMUM_CLASS_COVERAGE)
        .build();
  }
}
