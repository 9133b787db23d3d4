package ru.mos.localisation.demo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.mos.localisation.process.ProcessVariables;
import ru.mos.localisation.security.SecurityConfiguration;

/**
 * Demo profile: the officials' groups and users of the product's contract, two investors, and
 * what officials need to work in Tasklist. Idempotent: a restart on the same database adds
 * nothing twice. The administrator comes from {@code camunda.bpm.admin-user}.
 */
@Component
@Profile("demo")
public class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  /** Camunda group id, its Russian name, and its demo users. */
  record DemoGroup(String id, String name, List<String> users) {}

  static final List<DemoGroup> OFFICIALS =
      List.of(
          new DemoGroup("investment-department", "Департамент инвестиционной и промышленной политики", List.of("investment.officer")),
          new DemoGroup("investment-board", "Руководство департамента", List.of("investment.head")),
          new DemoGroup("compliance", "Комплаенс", List.of("compliance.officer")),
          new DemoGroup("environmental-review", "Экологическая экспертиза", List.of("eco.reviewer")),
          new DemoGroup("mosprom", "Моспром", List.of("mosprom.specialist")),
          new DemoGroup("site-allocation", "Размещение площадок", List.of("site.officer")));

  static final DemoGroup INVESTORS =
      new DemoGroup(SecurityConfiguration.INVESTOR_GROUP, "Инвесторы", List.of("investor", "investor2"));

  static final String GROUP_TASKS_FILTER = "Задачи моих групп";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final DemoProperties properties;

  public DemoUsers(
      IdentityService identityService,
      AuthorizationService authorizationService,
      FilterService filterService,
      TaskService taskService,
      DemoProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.properties = properties;
  }

  @EventListener
  public void onPostDeploy(PostDeployEvent event) {
    OFFICIALS.forEach(this::createGroupWithUsers);
    createGroupWithUsers(INVESTORS);
    for (DemoGroup group : OFFICIALS) {
      grant(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group.id(), Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    }
    // the department registers requests gathered at fairs from Tasklist's start form
    grant("investment-department", Resources.PROCESS_DEFINITION, ProcessVariables.PROCESS_KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant("investment-department", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    // the board supervises in Cockpit
    grant("investment-board", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant("investment-board", Resources.PROCESS_DEFINITION, "*", Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    grant("investment-board", Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    createGroupTasksFilter();
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
        identityService.saveUser(user);
        identityService.createMembership(userId, demoGroup.id());
      }
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists =
        authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .count()
            > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  /** One filter for every official: the open tasks of the groups they belong to. */
  private void createGroupTasksFilter() {
    Filter filter = filterService.createFilterQuery().filterName(GROUP_TASKS_FILTER).singleResult();
    if (filter == null) {
      filter =
          filterService
              .newTaskFilter(GROUP_TASKS_FILTER)
              .setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks())
              .setProperties(
                  Map.of(
                      "description", "Открытые задачи групп, в которые вы входите",
                      "priority", -10,
                      "variables",
                      List.of(
                          Map.of("name", "requestNumber", "label", "Номер заявки"),
                          Map.of("name", "investorName", "label", "Инвестор"))));
      filterService.saveFilter(filter);
    }
    for (DemoGroup group : OFFICIALS) {
      grant(group.id(), Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
