package ru.mos.localisation.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.mos.localisation.security.SecurityConfiguration;
import ru.mos.localisation.webapps.OfficialGroup;

/**
 * Demo profile: the officials' groups and users of the product's contract, and two investors.
 * Idempotent: a restart on the same database adds nothing twice. What the groups may do, and their
 * Tasklist filters, come from {@code tasklist} in every profile; the administrator from
 * {@code camunda.bpm.admin-user}.
 */
@Component
@Profile("demo")
public class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  /** Camunda group id, its Russian name, and its demo users. */
  record DemoGroup(String id, String name, List<String> users) {}

  static final List<DemoGroup> OFFICIALS =
      List.of(
          new DemoGroup(OfficialGroup.INVESTMENT_DEPARTMENT.id(), "Департамент инвестиционной и промышленной политики", List.of("investment.officer")),
          new DemoGroup(OfficialGroup.INVESTMENT_BOARD.id(), "Руководство департамента", List.of("investment.head")),
          new DemoGroup(OfficialGroup.COMPLIANCE.id(), "Комплаенс", List.of("compliance.officer")),
          new DemoGroup(OfficialGroup.ENVIRONMENTAL_REVIEW.id(), "Экологическая экспертиза", List.of("eco.reviewer")),
          new DemoGroup(OfficialGroup.MOSPROM.id(), "Моспром", List.of("mosprom.specialist")),
          new DemoGroup(OfficialGroup.SITE_ALLOCATION.id(), "Размещение площадок", List.of("site.officer")));

  static final DemoGroup INVESTORS =
      new DemoGroup(SecurityConfiguration.INVESTOR_GROUP, "Инвесторы", List.of("investor", "investor2"));

  private final IdentityService identityService;
  private final DemoProperties properties;

  public DemoUsers(IdentityService identityService, DemoProperties properties) {
    this.identityService = identityService;
    this.properties = properties;
  }

  @EventListener
  public void onPostDeploy(PostDeployEvent event) {
    OFFICIALS.forEach(this::createGroupWithUsers);
    createGroupWithUsers(INVESTORS);
    LOG.info("Demo users ready: {} official groups, {} investors", OFFICIALS.size(), INVESTORS.users().size());
  }

  private void createGroupWithUsers(DemoGroup demoGroup) {
    if (identityService.createGroupQuery().groupId(demoGroup.id()).count() == 0) {
      Group group = identityService.newGroup(demoGroup.id());
      group.setName(demoGroup.name());
      group.setType(demoGroup == INVESTORS ? "EXTERNAL" : "WORKFLOW");
      identityService.saveGroup(group);
    }
    for (String userId : demoGroup.users()) {
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        User user = identityService.newUser(userId);
        user.setFirstName(userId);
        user.setLastName(demoGroup.name());
        user.setEmail(userId + "@example.org");
        user.setPassword(properties.password());
        // the demo password is a known word that breaks the password policy on purpose: past it
        ((IdentityServiceImpl) identityService).saveUser(user, true);
        identityService.createMembership(userId, demoGroup.id());
      }
    }
  }
}
