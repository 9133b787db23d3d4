package ru.mos.localisation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTests {

  private final IdentityService identityService = mock(IdentityService.class);

  @BeforeEach
  void investorInGroupInvestorWithOneTenant() {
    given(identityService.checkPassword("investor", "right")).willReturn(true);
    given(identityService.checkPassword("investor", "wrong")).willReturn(false);
    Group group = mock(Group.class);
    given(group.getId()).willReturn("investor");
    GroupQuery groups = mock(GroupQuery.class, RETURNS_SELF);
    given(groups.list()).willReturn(List.of(group));
    given(identityService.createGroupQuery()).willReturn(groups);
    Tenant tenant = mock(Tenant.class);
    given(tenant.getId()).willReturn("moscow");
    TenantQuery tenants = mock(TenantQuery.class, RETURNS_SELF);
    given(tenants.list()).willReturn(List.of(tenant));
    given(identityService.createTenantQuery()).willReturn(tenants);
  }

  @Test
  void acceptedCredentialsAreCheckedOnceWithinTheTimeToLive() {
    VerifiedCredentials credentials = new VerifiedCredentials(identityService, Duration.ofSeconds(30));

    for (int i = 0; i < 3; i++) {
      assertThat(credentials.verify("investor", "right"))
          .hasValue(new VerifiedCredentials.Identity("investor", List.of("investor"), List.of("moscow")));
    }

    then(identityService).should(times(1)).checkPassword("investor", "right");
    then(identityService).should(times(1)).createGroupQuery();
  }

  @Test
  void aWrongPasswordIsNeverRememberedSoCamundaCountsEveryAttempt() {
    VerifiedCredentials credentials = new VerifiedCredentials(identityService, Duration.ofSeconds(30));

    assertThat(credentials.verify("investor", "wrong")).isEmpty();
    assertThat(credentials.verify("investor", "wrong")).isEmpty();

    then(identityService).should(times(2)).checkPassword("investor", "wrong");
  }

  @Test
  void aRememberedPasswordDoesNotLetAnotherPasswordOfTheSameUserIn() {
    VerifiedCredentials credentials = new VerifiedCredentials(identityService, Duration.ofSeconds(30));
    assertThat(credentials.verify("investor", "right")).isPresent();

    assertThat(credentials.verify("investor", "wrong")).isEmpty();

    then(identityService).should(times(1)).checkPassword("investor", "wrong");
  }

  @Test
  void theIdentityOfARecentlyVerifiedUserIsKnownWithoutAskingAgain() {
    VerifiedCredentials credentials = new VerifiedCredentials(identityService, Duration.ofSeconds(30));
    assertThat(credentials.recentlyVerified("investor")).isEmpty();

    credentials.verify("investor", "right");

    assertThat(credentials.recentlyVerified("investor"))
        .hasValue(new VerifiedCredentials.Identity("investor", List.of("investor"), List.of("moscow")));
    then(identityService).should(times(1)).createTenantQuery();
  }

  @Test
  void aTimeToLiveOfZeroAsksCamundaEveryTime() {
    VerifiedCredentials credentials = new VerifiedCredentials(identityService, Duration.ZERO);

    credentials.verify("investor", "right");
    credentials.verify("investor", "right");

    then(identityService).should(times(2)).checkPassword("investor", "right");
  }
}
