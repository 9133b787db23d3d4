package ru.mos.localisation.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static ru.mos.localisation.request.DocumentType.BUSINESS_PLAN;
import static ru.mos.localisation.request.DocumentType.CORPORATE_DOCUMENTS;
import static ru.mos.localisation.request.DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY;
import static ru.mos.localisation.request.DocumentType.FINANCIAL_STATEMENTS;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.notification.InvestorNotifications;
import ru.mos.localisation.process.InvestorMessages;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;

/** What counts as filed: stored files always; the types a JSON body names only where configured so. */
class DocumentsServiceTests {

  private static final String NUMBER = "LOC-2026-00001";
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-03T10:15:00+03:00");

  private final RequestRegistry registry = mock(RequestRegistry.class);
  private final DocumentStore store = mock(DocumentStore.class);
  private final PaperOriginals paperOriginals = mock(PaperOriginals.class);

  @Test
  void byDefaultOnlyStoredFilesCountAsFiled() {
    // given a JSON intake that named all four documents, of which only the business plan has a file
    DocumentsService documents = service(false);
    given(registry.get(NUMBER)).willReturn(requestNaming(TestRequests.ALL_RECYCLING_DOCUMENTS));
    given(store.list(NUMBER)).willReturn(List.of(stored(BUSINESS_PLAN)));

    // then the other three are missing: naming them announced them, no more
    List<DocumentType> missing = documents.check(NUMBER, List.of(ENVIRONMENTAL_IMPACT_SUMMARY));
    assertThat(missing).containsExactly(FINANCIAL_STATEMENTS, CORPORATE_DOCUMENTS, ENVIRONMENTAL_IMPACT_SUMMARY);
    then(registry).should().updateDocuments(NUMBER, java.util.Set.of(BUSINESS_PLAN), missing);
  }

  @Test
  void whereConfiguredTheNamedDocumentsCountAsBefore() {
    DocumentsService documents = service(true);
    given(registry.get(NUMBER)).willReturn(requestNaming(List.of(BUSINESS_PLAN, FINANCIAL_STATEMENTS)));
    given(store.list(NUMBER)).willReturn(List.of(stored(CORPORATE_DOCUMENTS)));

    assertThat(documents.check(NUMBER, List.of(ENVIRONMENTAL_IMPACT_SUMMARY))).isEmpty();
  }

  @Test
  void paperOriginalsCountAsFiledAndTheTimelineSaysWhoReceivedThem() {
    DocumentsService documents = service(false);
    given(registry.get(NUMBER)).willReturn(requestNaming(List.of()));
    given(store.list(NUMBER)).willReturn(List.of(stored(BUSINESS_PLAN)));
    given(paperOriginals.record(NUMBER, FINANCIAL_STATEMENTS, "investment.officer")).willReturn(true);
    given(paperOriginals.list(NUMBER))
        .willReturn(List.of(new PaperOriginal(FINANCIAL_STATEMENTS, "investment.officer", NOW)));

    documents.receivedOnPaper(NUMBER, List.of(FINANCIAL_STATEMENTS, FINANCIAL_STATEMENTS), "investment.officer");

    then(registry)
        .should()
        .updateDocuments(
            NUMBER,
            java.util.Set.of(BUSINESS_PLAN, FINANCIAL_STATEMENTS),
            List.of(CORPORATE_DOCUMENTS, ENVIRONMENTAL_IMPACT_SUMMARY));
    then(registry).should().addEvent(NUMBER, "PAPER_ORIGINAL_RECEIVED", "FINANCIAL_STATEMENTS", "investment.officer");
  }

  @Test
  void anOriginalReceivedBeforeIsNotRecordedAgain() {
    DocumentsService documents = service(false);
    given(paperOriginals.record(NUMBER, FINANCIAL_STATEMENTS, "investment.officer")).willReturn(false);

    documents.receivedOnPaper(NUMBER, List.of(FINANCIAL_STATEMENTS), "investment.officer");

    then(registry).shouldHaveNoInteractions();
  }

  private DocumentsService service(boolean announcedCountAsFiled) {
    return new DocumentsService(
        registry,
        new CompletenessPolicy(),
        mock(InvestorNotifications.class),
        mock(InvestorMessages.class),
        store,
        paperOriginals,
        mock(DocumentLinksOnTasks.class),
        new DocumentsProperties(announcedCountAsFiled),
        mock(PlatformTransactionManager.class),
        mock(IdentityService.class));
  }

  private static StoredDocument stored(DocumentType type) {
    return new StoredDocument("id-" + type, NUMBER, type, "file.pdf", "application/pdf", 10, "0".repeat(64), NOW);
  }

  private static LocalisationRequest requestNaming(List<DocumentType> documents) {
    return new LocalisationRequest(
        NUMBER, "REF-1", "Ge Pai New Energy Co.", "CN", "91310000MA1FL0000X", "invest@example.cn",
        Sector.BATTERY_RECYCLING, "Li-ion battery recycling plant", "Full cycle", 2_500_000_000L, 320, 30,
        new BigDecimal("5.0"), new BigDecimal("10.0"), 3, documents, List.of(), true, true,
        RequestStatus.IN_PROGRESS, RequestStage.DOCUMENTS, "investor", "pi-1", null, NOW, NOW);
  }
}
