package ru.mos.localisation.webapps;

import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;
import static ru.mos.localisation.process.ProcessVariables.SITE_ALLOCATION_PROCESS_KEY;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * What the officials' groups may do in Camunda's webapps, granted by group id (the groups need not
 * exist yet) with least privilege:
 *
 * <ul>
 *   <li>every official group: Tasklist, and READ on the two process definitions so Tasklist can
 *       show their forms and diagrams. Their tasks they may see and work only through the
 *       authorizations Camunda grants a task's candidate group; nothing here reaches a task.
 *   <li>{@code investment-department}: starts requests from Tasklist's start form.
 *   <li>{@code investment-board}: supervises in Cockpit — reads every definition, instance,
 *       history, decision and deployment, and retries failed jobs (incidents). It cannot modify,
 *       cancel or suspend instances, change variables or work other groups' tasks.
 * </ul>
 *
 * Investors get nothing: no webapp at all. Administrators ({@code camunda-admin}) get everything
 * from Camunda's {@code camunda.bpm.admin-user} set-up.
 */
@Component
public class WebappAuthorizations {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";
  private static final String ANY = Authorization.ANY;

  /** A group's permissions on one resource: one authorization row. */
  record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
    Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      this(groupId, resource, resourceId, List.of(permissions));
    }
  }

  private final AuthorizationService authorizationService;

  public WebappAuthorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** The grants of the officials' groups (not those on filters, which come with the filters). */
  static List<Grant> officialGrants() {
    List<Grant> grants = new ArrayList<>();
    for (OfficialGroup group : OfficialGroup.values()) {
      String id = group.id();
      grants.add(new Grant(id, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
      grants.add(
          group == OfficialGroup.INVESTMENT_DEPARTMENT
              // requests gathered at fairs are registered from Tasklist's start form
              ? new Grant(id, Resources.PROCESS_DEFINITION, PROCESS_KEY,
                  ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)
              : new Grant(id, Resources.PROCESS_DEFINITION, PROCESS_KEY, ProcessDefinitionPermissions.READ));
      grants.add(new Grant(id, Resources.PROCESS_DEFINITION, SITE_ALLOCATION_PROCESS_KEY, ProcessDefinitionPermissions.READ));
    }
    String department = OfficialGroup.INVESTMENT_DEPARTMENT.id();
    grants.add(new Grant(department, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));

    String board = OfficialGroup.INVESTMENT_BOARD.id();
    grants.add(new Grant(board, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
    grants.add(
        new Grant(board, Resources.PROCESS_DEFINITION, ANY,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY,
            // Cockpit's retry of an incident (a screening that failed three times) sets job retries
            ProcessDefinitionPermissions.RETRY_JOB));
    grants.add(new Grant(board, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
    grants.add(new Grant(board, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
    grants.add(new Grant(board, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
    grants.add(new Grant(board, Resources.DEPLOYMENT, ANY, Permissions.READ));
    grants.addAll(boardSupervisionGrants());
    return List.copyOf(grants);
  }

  // --- supervision (issue 15): what the board's Cockpit pages need, read-only ---------------------

  /**
   * The board reads every task, read-only: Cockpit's «Human Tasks» page (the task report by
   * candidate group, refused with an English 403 page without it) and the dashboard's count of
   * open tasks (which counted only the board's own tasks, 0 while others were open) read all
   * tasks. The board already reads every instance and its variables; claiming, assigning or
   * completing another group's task still needs what only candidacy gives.
   */
  static List<Grant> boardSupervisionGrants() {
    return List.of(new Grant(OfficialGroup.INVESTMENT_BOARD.id(), Resources.TASK, ANY, Permissions.READ));
  }

  /** Grants every official grant; run again, it adds nothing. */
  public void grantOfficials() {
    officialGrants().forEach(this::grant);
  }

  /**
   * Makes sure the group holds the permissions on the resource: creates the group's authorization
   * for it, or adds what is missing to the one it has. Never a second row (the table forbids it).
   */
  void grant(Grant grant) {
    Authorization authorization =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(grant.groupId())
            .resourceType(grant.resource())
            .resourceId(grant.resourceId())
            .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    grant.permissions().forEach(authorization::addPermission);
    authorizationService.saveAuthorization(authorization);
  }
}
