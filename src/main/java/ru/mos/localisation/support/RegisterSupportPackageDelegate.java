package ru.mos.localisation.support;

import static ru.mos.localisation.support.SupportVariables.PERSONNEL_EXCHANGE_PLAN;
import static ru.mos.localisation.support.SupportVariables.SUPPORT_MEASURES;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.mos.localisation.process.EnumListVariable;

/** «Зарегистрировать пакет поддержки». */
@Component("registerSupportPackage")
public class RegisterSupportPackageDelegate implements JavaDelegate {

  private final SupportService support;

  public RegisterSupportPackageDelegate(SupportService support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    support.register(
        execution.getProcessBusinessKey(),
        EnumListVariable.parse(SupportMeasure.class, SUPPORT_MEASURES, execution.getVariable(SUPPORT_MEASURES)),
        Objects.toString(execution.getVariable(PERSONNEL_EXCHANGE_PLAN), null));
  }
}
