package ru.mos.localisation.web;

import jakarta.ws.rs.core.Response.Status.Family;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.stereotype.Component;
import ru.mos.localisation.shared.RefusedException;

/**
 * Keeps refused input out of the error log. The engine logs every exception that ends a command
 * as an ERROR with its stack trace ("ENGINE-16004 Exception while closing command context"),
 * except a few of its own client errors, which it logs at DEBUG. Ours are client errors too: bad
 * input, unknown numbers and duplicates ({@link RefusedException}) are raised inside the engine's
 * transaction, Camunda REST exceptions with a 4xx status are the caller's too, and a variable value
 * the engine cannot store is answered with 400 ({@link EngineRestErrors}), as is a message that
 * fits no waiting request: they get the same DEBUG line. A real failure is still logged as an ERROR.
 */
@Component
public class EngineRefusalLogging extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandContextFactory factory = new RefusalAwareCommandContextFactory();
    // the engine wires up only a factory it creates itself
    factory.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(factory);
  }

  /** Whether a command ended because the caller's input was refused. */
  static boolean isRefusal(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof RefusedException) {
        return true;
      }
      if (t instanceof RestException rest
          && rest.getStatus() != null
          && rest.getStatus().getFamily() == Family.CLIENT_ERROR) {
        return true;
      }
      // a message the request does not wait for: the investor API answers 409, Camunda's REST API 400
      if (t instanceof MismatchingMessageCorrelationException) {
        return true;
      }
      // a variable value the engine cannot store, which Camunda's REST API is made to answer with 400
      if (t instanceof ProcessEngineException engine && EngineRestErrors.unstorableVariable(engine)) {
        return true;
      }
    }
    return false;
  }

  private static final class RefusalAwareCommandContextFactory extends CommandContextFactory {
    @Override
    public CommandContext createCommandContext() {
      return new CommandContext(processEngineConfiguration) {
        @Override
        protected boolean shouldLogFine(Throwable exception) {
          return super.shouldLogFine(exception) || isRefusal(exception);
        }
      };
    }
  }
}
