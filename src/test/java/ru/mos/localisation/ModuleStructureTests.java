package ru.mos.localisation;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The application's modules (each direct sub-package of {@code ru.mos.localisation}) depend on
 * each other one way only and use only what another module exposes: its top package and the
 * named interfaces it declares. Plain test on the compiled classes.
 */
class ModuleStructureTests {

  private final ApplicationModules modules = ApplicationModules.of(LocalisationApplication.class);

  @Test
  void modulesDependOneWayAndOnlyOnWhatOthersExpose() {
    modules.verify();
  }
}
