package ru.mos.localisation.integrity;

import java.util.ArrayList;
import ru.mos.localisation.intake.FiledRequests;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link DecisionIntegrityGuard} into the engine's command chain, behind the command
 * context, so that it sees every command of every door with the user who issued it.
 */
@Component
public class IntegrityPlugin extends AbstractProcessEnginePlugin {

  private final IntegrityProperties properties;
  private final FiledRequests filedRequests;

  public IntegrityPlugin(IntegrityProperties properties, FiledRequests filedRequests) {
    this.properties = properties;
    this.filedRequests = filedRequests;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var interceptors = configuration.getCustomPostCommandInterceptorsTxRequired();
    interceptors = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    // users' calls (REST, webapps) run in the engine's default, transaction-joining executor
    interceptors.add(new DecisionIntegrityGuard(properties, filedRequests));
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }
}
