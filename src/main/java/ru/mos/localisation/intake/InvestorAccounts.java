package ru.mos.localisation.intake;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import ru.mos.localisation.security.SecurityConfiguration;
import ru.mos.localisation.shared.InvalidInputException;

/**
 * The investors' portal accounts an official may register a request for (the start form's
 * {@code investorAccount}): an existing user of the group {@code investor}, nobody else.
 */
@Component
public class InvestorAccounts {

  private final IdentityService identityService;

  public InvestorAccounts(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * @return the account, when it is an investor's
   * @throws InvalidInputException in Russian for the official, when it is not
   */
  public String requireInvestor(String account) {
    // the official may not read users: the check is the application's, inside the start command
    boolean investor =
        Context.getCommandContext()
            .runWithoutAuthorization(
                () ->
                    identityService
                            .createUserQuery()
                            .userId(account)
                            .memberOfGroup(SecurityConfiguration.INVESTOR_GROUP)
                            .count()
                        == 1);
    if (!investor) {
      throw InvalidInputException.toOfficial(
          StartFormFields.INVESTOR_ACCOUNT,
          "Учётной записи инвестора «%s» на портале нет: проверьте её или оставьте поле пустым.".formatted(account));
    }
    return account;
  }
}
