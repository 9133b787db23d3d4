package ru.mos.localisation.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import ru.mos.localisation.request.Sector;

/**
 * Whether a project needs an environmental review: the decision {@code
 * environmental-review-requirement} of {@code bpmn/localisation-priority.dmn}, the business's
 * editable table that the process's priority decision requires too. Rules outside the process (which
 * documents an investor files) ask it here instead of repeating it, so a change to the table changes
 * both. Evaluated on Camunda's standalone DMN engine from the model file the engine deploys, parsed
 * once.
 */
public final class EnvironmentalReviewRequirement {

  public static final String DECISION_KEY = "environmental-review-requirement";

  private static final String RESOURCE = "bpmn/localisation-priority.dmn";

  private final DmnEngine engine;
  private final DmnDecision decision;

  private EnvironmentalReviewRequirement(DmnEngine engine, DmnDecision decision) {
    this.engine = engine;
    this.decision = decision;
  }

  /** The decision of the model on the classpath. */
  public static EnvironmentalReviewRequirement fromModel() {
    return Model.REQUIREMENT;
  }

  public boolean requiredFor(Sector sector, int hazardClass) {
    Boolean required =
        engine
            .evaluateDecisionTable(
                decision, Variables.putValue("sector", sector.name()).putValue("hazardClass", hazardClass))
            .getSingleResult()
            .getSingleEntry();
    return Boolean.TRUE.equals(required);
  }

  /** Parsed on first use, once per class loader. */
  private static final class Model {
    static final EnvironmentalReviewRequirement REQUIREMENT = load();

    private static EnvironmentalReviewRequirement load() {
      DefaultDmnEngineConfiguration configuration =
          (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      // the FEEL behaviour of the process engine (dmnFeelEnableLegacyBehavior in application.yml)
      configuration.enableFeelLegacyBehavior(true);
      DmnEngine engine = configuration.buildEngine();
      try (InputStream dmn = EnvironmentalReviewRequirement.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (dmn == null) {
          throw new IllegalStateException("Decision model not on the classpath: " + RESOURCE);
        }
        return new EnvironmentalReviewRequirement(engine, engine.parseDecision(DECISION_KEY, dmn));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
