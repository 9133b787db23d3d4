package ru.mos.localisation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.notification.InvestorNotifications;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.shared.RegistryNumbers;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;

/**
 * Idempotent intake, keyed by the investor account: the account's own earlier request answers a
 * repetition, a lost race resolves to the winner's request, and no other account is looked at.
 */
class IntakeServiceTests {

  private static final String REFERENCE = "GP-CIIF-2025-001";
  private static final LocalisationRequest EXISTING = registered("LOC-2026-00007", "investor");

  private final RuntimeService runtimeService = mock(RuntimeService.class);
  private final ProcessInstantiationBuilder start = mock(ProcessInstantiationBuilder.class, RETURNS_SELF);
  private final RequestRegistry registry = mock(RequestRegistry.class);
  private final IntakeService intake = new IntakeService(runtimeService, registry);

  @BeforeEach
  void startsGoThroughTheBuilder() {
    given(runtimeService.createProcessInstanceByKey(anyString())).willReturn(start);
  }

  @Test
  void theAccountsOwnEarlierRequestAnswersARepetitionWithoutAStart() {
    given(registry.findByExternalReference("investor", REFERENCE)).willReturn(Optional.of(EXISTING));

    var submission = intake.submit(TestRequests.recyclingPlant(REFERENCE), "investor");

    assertThat(submission.created()).isFalse();
    assertThat(submission.request()).isEqualTo(EXISTING);
    then(runtimeService).shouldHaveNoInteractions();
  }

  @Test
  void aNewReferenceOfTheAccountStartsAProcessEvenWhenAnotherAccountUsesIt() {
    // another account's request under this reference is invisible to this look-up by design
    given(registry.findByExternalReference("investor", REFERENCE)).willReturn(Optional.empty());
    ProcessInstance instance = mock(ProcessInstance.class);
    given(instance.getBusinessKey()).willReturn("LOC-2026-00008");
    given(start.execute()).willReturn(instance);
    LocalisationRequest created = registered("LOC-2026-00008", "investor");
    given(registry.get("LOC-2026-00008")).willReturn(created);

    var submission = intake.submit(TestRequests.recyclingPlant(REFERENCE), "investor");

    assertThat(submission.created()).isTrue();
    assertThat(submission.request()).isEqualTo(created);
  }

  @Test
  void aLostRaceResolvesToTheWinnersRequest() {
    given(registry.findByExternalReference("investor", REFERENCE))
        .willReturn(Optional.empty(), Optional.of(EXISTING));
    given(start.execute()).willThrow(new DuplicateRequestException(REFERENCE));

    var submission = intake.submit(TestRequests.recyclingPlant(REFERENCE), "investor");

    assertThat(submission.created()).isFalse();
    assertThat(submission.request()).isEqualTo(EXISTING);
  }

  @Test
  void aWinnerNotYetCommittedIsWaitedForByAskingAgain() {
    // H2: the loser's insert gave up waiting before the winner committed; the engine wrapped it
    given(registry.findByExternalReference("investor", REFERENCE))
        .willReturn(Optional.empty(), Optional.empty(), Optional.of(EXISTING));
    given(start.execute())
        .willThrow(new ProcessEngineException("start failed", DuplicateRequestException.beingRegistered(REFERENCE)));

    var submission = intake.submit(TestRequests.recyclingPlant(REFERENCE), "investor");

    assertThat(submission.request()).isEqualTo(EXISTING);
    then(start).should(times(2)).execute();
  }

  @Test
  void aWinnerThatNeverCommitsEndsTheAttemptsWithTheDuplicate() {
    given(registry.findByExternalReference("investor", REFERENCE)).willReturn(Optional.empty());
    given(start.execute()).willThrow(DuplicateRequestException.beingRegistered(REFERENCE));

    assertThatThrownBy(() -> intake.submit(TestRequests.recyclingPlant(REFERENCE), "investor"))
        .isInstanceOf(DuplicateRequestException.class);
    then(start).should(times(5)).execute();
  }

  @Test
  void anyOtherFailureIsNotMistakenForADuplicate() {
    given(registry.findByExternalReference("investor", REFERENCE)).willReturn(Optional.empty());
    IllegalStateException failure = new IllegalStateException("disk full");
    given(start.execute()).willThrow(failure);

    assertThatThrownBy(() -> intake.submit(TestRequests.recyclingPlant(REFERENCE), "investor")).isSameAs(failure);
    then(start).should(times(1)).execute();
  }

  @Test
  void registrationReportsTheUniqueViolationOfEitherDatabaseAsADuplicate() {
    RegistryNumbers numbers = mock(RegistryNumbers.class);
    InvestorNotifications notifications = mock(InvestorNotifications.class);
    given(numbers.next()).willReturn("LOC-2026-00009");
    RegistrationService registration = new RegistrationService(registry, numbers, notifications, Clock.systemUTC());

    willThrow(new DuplicateKeyException("23505")).given(registry).insert(any());
    assertThatThrownBy(() -> registration.register(TestRequests.recyclingPlant(REFERENCE), "investor", "pi"))
        .isInstanceOf(DuplicateRequestException.class)
        .hasMessageContaining(REFERENCE)
        .hasMessageNotContaining("91310000MA1FL0000X");

    willThrow(new CannotAcquireLockException("HYT00")).given(registry).insert(any());
    assertThatThrownBy(() -> registration.register(TestRequests.recyclingPlant(REFERENCE), "investor", "pi"))
        .isInstanceOf(DuplicateRequestException.class)
        .hasMessageContaining("being registered");
    // a request that was not registered tells the investor nothing
    then(notifications).shouldHaveNoInteractions();
  }

  private static LocalisationRequest registered(String number, String account) {
    OffsetDateTime now = OffsetDateTime.now();
    return new LocalisationRequest(
        number, REFERENCE, "Ge Pai New Energy Co.", "CN", "91310000MA1FL0000X", "invest@example.cn",
        Sector.BATTERY_RECYCLING, "Plant", null, 1_000_000L, 10, 0, BigDecimal.ONE, BigDecimal.ONE, 3,
        List.of(), List.of(), false, false, RequestStatus.IN_PROGRESS, RequestStage.REGISTRATION,
        account, "pi-" + number, null, now, now);
  }
}
