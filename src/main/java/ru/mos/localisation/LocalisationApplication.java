package ru.mos.localisation;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: the Camunda process application that runs localisation requests. */
@SpringBootApplication
@EnableProcessApplication
@ConfigurationPropertiesScan
public class LocalisationApplication {

  public static void main(String[] args) {
    SpringApplication.run(LocalisationApplication.class, args);
  }
}
