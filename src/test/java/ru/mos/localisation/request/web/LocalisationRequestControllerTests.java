package ru.mos.localisation.request.web;

import ru.mos.localisation.sites.web.SiteController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.springframework.http.HttpHeaders.LOCATION;
import static org.springframework.http.HttpHeaders.WWW_AUTHENTICATE;
import static org.springframework.http.MediaType.APPLICATION_JSON;
import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.mos.localisation.TestRequests.ALL_RECYCLING_DOCUMENTS;
import static ru.mos.localisation.TestRequests.recyclingPlant;
import static ru.mos.localisation.TestRequests.recyclingPlantJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.mos.localisation.documents.DocumentStore;
import ru.mos.localisation.documents.DocumentUploads;
import ru.mos.localisation.documents.DocumentsService;
import ru.mos.localisation.documents.StoredDocument;
import ru.mos.localisation.intake.DuplicateRequestException;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.intake.IntakeService.Submission;
import ru.mos.localisation.intake.NewLocalisationRequest;
import ru.mos.localisation.process.MessageCorrelations.NotWaitingException;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestFilter;
import ru.mos.localisation.request.RequestPage;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;
import ru.mos.localisation.request.TimelineEntry;
import ru.mos.localisation.sites.IndustrialSite;
import ru.mos.localisation.sites.SiteRegistry;
import ru.mos.localisation.sites.SitesOfRequests;
import ru.mos.localisation.sites.web.SiteOfferController;
import ru.mos.localisation.intake.web.IntakeController;
import ru.mos.localisation.documents.PaperOriginals;
import ru.mos.localisation.documents.web.DocumentsController;
import ru.mos.localisation.outcome.web.WithdrawalController;
import ru.mos.localisation.process.InvestorMessages;
import ru.mos.localisation.sites.SiteStatus;
import ru.mos.localisation.security.ProblemSecurityHandlers;
import ru.mos.localisation.security.SecurityConfiguration;
import ru.mos.localisation.security.LoginThrottle;
import ru.mos.localisation.security.VerifiedCredentials;
import ru.mos.localisation.web.ApiExceptionHandler;
import ru.mos.localisation.web.ApiProperties;
import ru.mos.localisation.web.EngineRestProperties;
import ru.mos.localisation.web.WebConfiguration;

/**
 * The investor API as a client sees it: status codes, bodies, problem+json errors, HTTP Basic and
 * the body size limit, with the services behind the controller mocked.
 */
// each test sets up its users' passwords and groups: nothing may be remembered from another
@WebMvcTest(
    value = {
      RequestController.class,
      IntakeController.class,
      DocumentsController.class,
      SiteOfferController.class,
      WithdrawalController.class,
      SiteController.class
    },
    properties = "localisation.security.verified-credentials-ttl=0")
@ContextConfiguration(classes = LocalisationRequestControllerTests.InvestorApiSlice.class)
class LocalisationRequestControllerTests {

  /**
   * The slice's configuration. {@code LocalisationApplication} cannot serve: its
   * {@code @EnableProcessApplication} imports Camunda's {@code SpringBootProcessApplication}, which
   * needs the whole engine. And {@code @ConfigurationPropertiesScan} skips {@code ApiProperties} and
   * {@code EngineRestProperties} (both needed by {@code WebConfiguration}) in a slice. So this class
   * imports exactly what the investor API runs on. It is a plain
   * {@code @Configuration} on purpose: a nested {@code @SpringBootConfiguration} would be found by
   * other tests' search for the application class.
   */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({ApiProperties.class, EngineRestProperties.class})
  @Import({
    RequestController.class,
    IntakeController.class,
    DocumentsController.class,
    SiteOfferController.class,
    WithdrawalController.class,
    SiteController.class,
    DocumentUploads.class,
    RequestViews.class,
    SitesOfRequests.class,
    ApiExceptionHandler.class,
    WebConfiguration.class,
    SecurityConfiguration.class,
    VerifiedCredentials.class,
    LoginThrottle.class,
    ProblemSecurityHandlers.class
  })
  static class InvestorApiSlice {}

  private static final String REQUESTS = "/api/v1/localisation-requests";
  private static final String NUMBER = "LOC-2025-00042";
  private static final String REFERENCE = "GP-CIIF-2025-001";
  private static final int MAX_BODY_BYTES = 65536; // localisation.api.max-body-bytes in application.yml
  private static final OffsetDateTime FILED_AT = OffsetDateTime.parse("2025-03-03T10:15:00+03:00");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired private MockMvc mvc;

  @MockitoBean private IntakeService intake;
  @MockitoBean private DocumentsService documents;
  @MockitoBean private PaperOriginals paperOriginals;
  @MockitoBean private RequestRegistry registry;
  @MockitoBean private IdentityService identityService;
  @MockitoBean private InvestorMessages messages;
  @MockitoBean private SiteRegistry siteRegistry;
  @MockitoBean private DocumentStore documentStore;

  // ---------------------------------------------------------------- filing a request

  @Test
  void newRequestIsCreatedWithLocationAndLinks() throws Exception {
    given(intake.submit(any(), eq("investor")))
        .willReturn(new Submission(filed(NUMBER, "investor", RequestStage.REGISTRATION), true));
    given(registry.timeline(NUMBER)).willReturn(List.of(new TimelineEntry(FILED_AT, "REGISTERED", null, null)));

    submit(recyclingPlantJson(REFERENCE))
        .andExpect(status().isCreated())
        .andExpect(header().string(LOCATION, REQUESTS + "/" + NUMBER))
        .andExpect(content().contentTypeCompatibleWith(APPLICATION_JSON))
        .andExpect(jsonPath("$.number").value(NUMBER))
        .andExpect(jsonPath("$.externalReference").value(REFERENCE))
        .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
        .andExpect(jsonPath("$.stage").value("REGISTRATION"))
        .andExpect(jsonPath("$.links.self").value(REQUESTS + "/" + NUMBER))
        .andExpect(jsonPath("$.links.documents").value(REQUESTS + "/" + NUMBER + "/documents"))
        .andExpect(jsonPath("$.timeline[0].type").value("REGISTERED"));

    ArgumentCaptor<NewLocalisationRequest> parsed = ArgumentCaptor.forClass(NewLocalisationRequest.class);
    then(intake).should().submit(parsed.capture(), eq("investor"));
    // the JSON example has a shorter description than the record example; all else is the same
    assertThat(parsed.getValue())
        .usingRecursiveComparison()
        .ignoringFields("project.description")
        .isEqualTo(recyclingPlant(REFERENCE));
    assertThat(parsed.getValue().project().description()).isEqualTo("Full cycle");
  }

  @Test
  void sameRequestAgainAnswersTheExistingOneWith200() throws Exception {
    given(intake.submit(any(), eq("investor")))
        .willReturn(new Submission(filed(NUMBER, "investor", RequestStage.SCREENING), false));

    submit(recyclingPlantJson(REFERENCE))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist(LOCATION))
        .andExpect(jsonPath("$.number").value(NUMBER))
        // screening is shown as the review it precedes (no tipping off)
        .andExpect(jsonPath("$.stage").value("ASSESSMENT"))
        .andExpect(jsonPath("$.links.self").value(REQUESTS + "/" + NUMBER));
  }

  // ---------------------------------------------------------------- validation of the body

  /** One field of the valid example body changed, and the field an error must name for it. */
  record FieldChange(String description, String path, JsonNode value, String expectedField) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<FieldChange> oneBrokenField() {
    return Stream.of(
        missing("externalReference"),
        set("externalReference", "blank", "   "),
        set("externalReference", "101 characters", "R".repeat(101)),
        set("externalReference", "with a space", "GP CIIF 2025"),
        set("externalReference", "starting with a dash", "-GP-2025"),
        missing("investor"),
        missing("investor.name"),
        set("investor.name", "blank", ""),
        set("investor.name", "201 characters", "N".repeat(201)),
        missing("investor.country"),
        set("investor.country", "lower case", "cn"),
        set("investor.country", "alpha-3", "CHN"),
        missing("investor.registrationNumber"),
        set("investor.registrationNumber", "with a slash", "9131/0000"),
        set("investor.registrationNumber", "51 characters", "9".repeat(51)),
        missing("investor.contactEmail"),
        set("investor.contactEmail", "without @", "invest.example.cn"),
        set("investor.contactEmail", "255+ characters", longValidEmail()),
        missing("project"),
        missing("project.sector"),
        missing("project.title"),
        set("project.title", "blank", " "),
        set("project.title", "201 characters", "T".repeat(201)),
        set("project.description", "4001 characters", "D".repeat(4001)),
        missing("project.investmentRub"),
        set("project.investmentRub", "zero", 0),
        set("project.investmentRub", "negative", -1),
        set("project.investmentRub", "above 10^13", 10_000_000_000_001L),
        missing("project.plannedJobs"),
        set("project.plannedJobs", "negative", -1),
        set("project.plannedJobs", "above a million", 1_000_001),
        missing("project.exportSharePercent"),
        set("project.exportSharePercent", "negative", -1),
        set("project.exportSharePercent", "above 100", 101),
        missing("project.requiredAreaHa"),
        set("project.requiredAreaHa", "zero", new BigDecimal("0")),
        set("project.requiredAreaHa", "three decimals", new BigDecimal("5.001")),
        set("project.requiredAreaHa", "above 100000", new BigDecimal("100000.01")),
        missing("project.requiredPowerMw"),
        set("project.requiredPowerMw", "negative", new BigDecimal("-10")),
        set("project.requiredPowerMw", "three decimals", new BigDecimal("10.125")),
        missing("project.hazardClass"),
        set("project.hazardClass", "zero", 0),
        set("project.hazardClass", "six", 6),
        // characters that hide or disguise text: controls, invisible format characters, bidi controls
        set("investor.name", "with NUL", "Ge Pai\u0000 New Energy Co."),
        set("investor.name", "with BEL", "Ge Pai\u0007 New Energy Co."),
        set("investor.name", "with ESC", "\u001b[31mGe Pai New Energy Co."),
        set("investor.name", "with DEL", "Ge Pai\u007f New Energy Co."),
        set("investor.name", "with the C1 control NEL", "Ge Pai\u0085New Energy Co."),
        set("investor.name", "with a line break", "Ge Pai\nNew Energy Co."),
        set("investor.name", "with a tab", "Ge Pai\tNew Energy Co."),
        set("investor.name", "with a right-to-left override", "\u202eGe Pai New Energy Co."),
        set("investor.name", "with a left-to-right embedding", "\u202aGe Pai New Energy Co.\u202c"),
        set("investor.name", "with a first-strong isolate", "\u2068Ge Pai\u2069 New Energy Co."),
        set("investor.name", "with a right-to-left mark", "Ge Pai\u200f New Energy Co."),
        set("investor.name", "with a zero-width space", "Blocked\u200bHoldings Ltd"),
        set("investor.name", "with a zero-width joiner", "Blocked\u200dHoldings Ltd"),
        set("investor.name", "with a soft hyphen", "Block\u00aded Holdings Ltd"),
        set("investor.name", "with a word joiner", "Blocked\u2060Holdings Ltd"),
        set("investor.name", "with a byte-order mark", "\ufeffGe Pai New Energy Co."),
        set("investor.name", "with a line separator", "Ge Pai\u2028New Energy Co."),
        set("investor.name", "with a Hangul filler", "Ge Pai\u3164New Energy Co."),
        set("investor.name", "with an invisible tag character", "Ge Pai\udb40\udc41 New Energy Co."),
        set("investor.contactEmail", "with a zero-width space", "invest\u200b@example.cn"),
        set("project.title", "with a right-to-left override", "Li-ion \u202eplant"),
        set("project.title", "with NUL", "Li-ion\u0000 plant"),
        set("project.description", "with NUL", "Full\u0000 cycle"),
        set("project.description", "with BEL", "Full cycle\u0007"),
        set("project.description", "with a right-to-left embedding", "Full \u202bcycle"),
        set("project.description", "with a right-to-left isolate", "Full \u2067cycle\u2069"),
        set("project.description", "with a zero-width space", "Full\u200bcycle"),
        set("project.description", "with a paragraph separator", "Full\u2029cycle"),
        missing("documents"),
        set("documents", "eleven entries", Collections.nCopies(11, "LICENCES")),
        new FieldChange(
            "documents with a null entry",
            "documents",
            JSON.valueToTree(Arrays.asList(null, "BUSINESS_PLAN")),
            "documents[0]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneBrokenField")
  void everyConstrainedFieldIsValidatedAndNamed(FieldChange change) throws Exception {
    // given the valid example with exactly one field broken
    String body = withChange(change.path(), change.value());

    // when it is filed
    MvcResult result =
        submit(body)
            // then
            .andExpect(status().isBadRequest())
            .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(400))
            .andExpect(jsonPath("$.title").value("Validation failed"))
            .andReturn();
    assertThat(errorFields(result)).isNotEmpty().containsOnly(change.expectedField());
    then(intake).shouldHaveNoInteractions();
  }

  @Test
  void anInvisibleCharacterIsNamedByItsCodePoint() throws Exception {
    submit(withChange("investor.name", JSON.valueToTree("\u202eBlocked Holdings Ltd")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("investor.name"))
        .andExpect(jsonPath("$.errors[0].message", startsWith("must not contain U+202E")));
    then(intake).shouldHaveNoInteractions();
  }

  static Stream<FieldChange> valueAtTheLimit() {
    return Stream.of(
        set("externalReference", "100 characters", "R".repeat(100)),
        set("investor.name", "200 characters", "N".repeat(200)),
        missing("project.description"),
        set("project.description", "4000 characters", "D".repeat(4000)),
        set("project.investmentRub", "10^13", 10_000_000_000_000L),
        set("project.plannedJobs", "zero", 0),
        set("project.exportSharePercent", "zero", 0),
        set("project.exportSharePercent", "100", 100),
        set("project.requiredAreaHa", "0.01", new BigDecimal("0.01")),
        set("project.requiredPowerMw", "100000.00", new BigDecimal("100000.00")),
        set("project.hazardClass", "one", 1),
        set("project.hazardClass", "five", 5),
        set("documents", "none yet", List.of()),
        set("documents", "ten entries", Collections.nCopies(10, "LICENCES")),
        // ordinary text in any script, with the spaces and line breaks people type
        set("investor.name", "in Cyrillic with guillemets", "ООО «Ромашка»"),
        set("investor.name", "in Chinese", "歌拍新能源有限公司"),
        set("investor.name", "with a no-break space", "Ge\u00a0Pai New Energy Co."),
        set("project.title", "with an emoji", "Battery recycling \ud83d\udd0b"),
        set("project.description", "with line breaks and tabs", "Phase 1:\n\tcollection\r\nPhase 2:\n\trecycling"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueAtTheLimit")
  void valuesAtTheLimitsAreAccepted(FieldChange limit) throws Exception {
    given(intake.submit(any(), anyString()))
        .willReturn(new Submission(filed(NUMBER, "investor", RequestStage.REGISTRATION), true));

    submit(withChange(limit.path(), limit.value())).andExpect(status().isCreated());

    then(intake).should().submit(any(), eq("investor"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "project.sector  | \"STEEL\"                       | project.sector",
        "documents       | [\"BUSINESS_PLAN\", \"PASSPORT\"] | documents[1]"
      })
  void unknownEnumValueNamesTheFieldAndTheAllowedValues(String path, String value, String field)
      throws Exception {
    MvcResult result =
        submit(withChange(path, JSON.readTree(value)))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors", hasSize(1)))
            .andExpect(jsonPath("$.errors[0].message", startsWith("must be one of")))
            .andReturn();
    assertThat(errorFields(result)).containsExactly(field);
    then(intake).shouldHaveNoInteractions();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "project.investmentRub  | \"lots\"   | project.investmentRub",
        "project.plannedJobs    | 320.5      | project.plannedJobs",
        "project.hazardClass    | \"three\"  | project.hazardClass",
        "project.plannedJobs    | 99999999999 | project.plannedJobs",
        "investor               | \"Ge Pai\" | investor",
        "exportSupportRequested | \"maybe\"  | exportSupportRequested"
      })
  void valueOfTheWrongTypeNamesTheField(String path, String value, String field) throws Exception {
    MvcResult result =
        submit(withChange(path, JSON.readTree(value)))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
            .andReturn();
    assertThat(errorFields(result)).containsExactly(field);
    then(intake).shouldHaveNoInteractions();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedJson")
  void malformedJsonIsA400ProblemWithoutInternals(String body) throws Exception {
    submit(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Request body is not well-formed JSON"))
        .andExpect(jsonPath("$.errors").doesNotExist())
        .andExpect(content().string(not(containsString("Exception"))))
        .andExpect(content().string(not(containsString("at ru."))))
        .andExpect(content().string(not(containsString("jackson"))));
    then(intake).shouldHaveNoInteractions();
  }

  static Stream<String> malformedJson() {
    String valid = recyclingPlantJson(REFERENCE);
    return Stream.of(
        "not json",
        "{\"externalReference\": }",
        // cut off in the middle of a nested object, as an interrupted upload would be
        valid.substring(0, valid.indexOf("\"registrationNumber\"")),
        valid.replace("\"country\": \"CN\",", "\"country\": \"CN\",,"));
  }

  @Test
  void emptyBodyIsA400Problem() throws Exception {
    submit("")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Request body is missing or unreadable"));
    then(intake).shouldHaveNoInteractions();
  }

  @Test
  void plainTextIsA415Problem() throws Exception {
    mvc.perform(
            post(REQUESTS)
                .with(investor())
                .contentType(MediaType.TEXT_PLAIN)
                .content(recyclingPlantJson(REFERENCE)))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(415));
    then(intake).shouldHaveNoInteractions();
  }

  // ---------------------------------------------------------------- body size limit

  @Test
  void bodyAboveTheLimitIsRefusedWith413() throws Exception {
    submit(padded(recyclingPlantJson(REFERENCE), MAX_BODY_BYTES + 1))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(413))
        .andExpect(jsonPath("$.detail").value("Request body exceeds 65536 bytes"));
    then(intake).shouldHaveNoInteractions();
  }

  @Test
  void bodyOfExactlyTheLimitIsAccepted() throws Exception {
    given(intake.submit(any(), anyString()))
        .willReturn(new Submission(filed(NUMBER, "investor", RequestStage.REGISTRATION), true));

    submit(padded(recyclingPlantJson(REFERENCE), MAX_BODY_BYTES)).andExpect(status().isCreated());
  }

  @Test
  void oversizeBodyIsRefusedBeforeAuthentication() throws Exception {
    mvc.perform(
            post(REQUESTS)
                .contentType(APPLICATION_JSON)
                .content(padded(recyclingPlantJson(REFERENCE), MAX_BODY_BYTES + 1)))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
  }

  // ---------------------------------------------------------------- security

  @Test
  void withoutCredentialsIsA401ProblemAskingForBasic() throws Exception {
    mvc.perform(post(REQUESTS).contentType(APPLICATION_JSON).content(recyclingPlantJson(REFERENCE)))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(WWW_AUTHENTICATE, startsWith("Basic ")))
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401));
    then(intake).shouldHaveNoInteractions();
  }

  @Test
  void officialWithoutInvestorGroupIsA403Problem() throws Exception {
    mvc.perform(
            post(REQUESTS)
                .with(
                    user("investment.officer")
                        .authorities(new SimpleGrantedAuthority("GROUP_investment-department")))
                .contentType(APPLICATION_JSON)
                .content(recyclingPlantJson(REFERENCE)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(403));
    then(intake).shouldHaveNoInteractions();
  }

  @Test
  void basicCredentialsAreCheckedAgainstCamundaUsersAndGroups() throws Exception {
    // given a Camunda user "investor" in the group "investor"
    given(identityService.checkPassword("investor", "s3cret")).willReturn(true);
    givenGroupsOf("investor", "investor");
    given(registry.list(any(), anyInt(), anyInt())).willReturn(new RequestPage(List.of(), 0, 20, 0));

    mvc.perform(get(REQUESTS).with(httpBasic("investor", "s3cret"))).andExpect(status().isOk());

    then(registry).should().list(new RequestFilter("investor", null, null), 0, 20);
  }

  @Test
  void wrongBasicPasswordIsA401Problem() throws Exception {
    given(identityService.checkPassword("investor", "wrong")).willReturn(false);

    mvc.perform(get(REQUESTS).with(httpBasic("investor", "wrong")))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
    then(registry).shouldHaveNoInteractions();
  }

  @Test
  void camundaUserOutsideInvestorGroupIsA403Problem() throws Exception {
    given(identityService.checkPassword("investment.officer", "s3cret")).willReturn(true);
    givenGroupsOf("investment.officer", "investment-department");

    mvc.perform(get(REQUESTS).with(httpBasic("investment.officer", "s3cret")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
    then(registry).shouldHaveNoInteractions();
  }

  // ---------------------------------------------------------------- reading one request

  @Test
  void investorSeesOwnRequestWithTimeline() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.DOCUMENTS)));
    given(registry.timeline(NUMBER))
        .willReturn(
            List.of(
                new TimelineEntry(FILED_AT, "REGISTERED", null, null),
                new TimelineEntry(FILED_AT.plusMinutes(1), "STAGE_DOCUMENTS", null, null)));

    mvc.perform(get(REQUESTS + "/" + NUMBER).with(investor()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.number").value(NUMBER))
        .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
        .andExpect(jsonPath("$.stage").value("DOCUMENTS"))
        .andExpect(jsonPath("$.investor.country").value("CN"))
        .andExpect(jsonPath("$.project.hazardClass").value(3))
        .andExpect(jsonPath("$.timeline", hasSize(2)))
        .andExpect(jsonPath("$.timeline[0].type").value("REGISTERED"))
        .andExpect(jsonPath("$.timeline[1].type").value("STAGE_DOCUMENTS"));
  }

  /** A registry timeline up to the department's assessment, screening clean or a hit under review. */
  static Stream<Arguments> screenedTimelines() {
    TimelineEntry registered = new TimelineEntry(FILED_AT, "REGISTERED", null, null);
    TimelineEntry screening = new TimelineEntry(FILED_AT.plusSeconds(1), "STAGE_SCREENING", null, null);
    return Stream.of(
        Arguments.of("being screened", RequestStage.SCREENING, List.of(registered, screening)),
        Arguments.of("screened clean, under assessment", RequestStage.ASSESSMENT, List.of(
            registered, screening,
            new TimelineEntry(FILED_AT.plusSeconds(2), "SCREENING_PASSED", null, null),
            new TimelineEntry(FILED_AT.plusSeconds(2), "STAGE_ASSESSMENT", null, null))),
        Arguments.of("a screening hit under compliance review", RequestStage.SCREENING, List.of(
            registered, screening, new TimelineEntry(FILED_AT.plusSeconds(2), "SCREENING_HIT", null, null))),
        Arguments.of("a hit cleared by compliance, under assessment", RequestStage.ASSESSMENT, List.of(
            registered, screening,
            new TimelineEntry(FILED_AT.plusSeconds(2), "SCREENING_HIT", null, null),
            new TimelineEntry(FILED_AT.plusDays(3), "STAGE_ASSESSMENT", null, null))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("screenedTimelines")
  void theInvestorSeesOnlyThatTheRequestIsUnderReviewWhateverScreeningFound(
      String description, RequestStage stage, List<TimelineEntry> timeline) throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", stage)));
    given(registry.timeline(NUMBER)).willReturn(timeline);
    given(registry.list(any(), anyInt(), anyInt()))
        .willReturn(new RequestPage(List.of(filed(NUMBER, "investor", stage)), 0, 20, 1));

    MvcResult view =
        mvc.perform(get(REQUESTS + "/" + NUMBER).with(investor()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.stage").value("ASSESSMENT"))
            .andExpect(jsonPath("$.timeline[*].type", contains("REGISTERED", "STAGE_ASSESSMENT")))
            // the review began when screening did, whatever screening found and however long it took
            .andExpect(jsonPath("$.timeline[1].at", startsWith("2025-03-03T10:15:01")))
            .andExpect(jsonPath("$.updatedAt", startsWith("2025-03-03T10:15:01")))
            .andReturn();
    MvcResult list =
        mvc.perform(get(REQUESTS).with(investor()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[0].stage").value("ASSESSMENT"))
            .andReturn();

    for (MvcResult result : List.of(view, list)) {
      assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8).toUpperCase())
          .doesNotContain("SCREENING", "COMPLIANCE");
    }
  }

  @Test
  void anotherInvestorsRequestIsAnsweredAsUnknown() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor2", RequestStage.SCREENING)));

    mvc.perform(get(REQUESTS + "/" + NUMBER).with(investor()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("No localisation request " + NUMBER))
        .andExpect(content().string(not(containsString("Ge Pai"))));
    then(registry).should().find(NUMBER);
    then(registry).shouldHaveNoMoreInteractions();
  }

  @Test
  void unknownNumberIsA404Problem() throws Exception {
    given(registry.find("LOC-2025-99999")).willReturn(Optional.empty());

    mvc.perform(get(REQUESTS + "/LOC-2025-99999").with(investor()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void viewShowsTheCandidateSitesWhileASiteIsBeingSelected() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.SUPPORT_AND_SITE)));
    given(siteRegistry.candidates(NUMBER)).willReturn(List.of("MSK-022", "MSK-009", "MSK-003"));

    mvc.perform(get(REQUESTS + "/" + NUMBER).with(investor()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stage").value("SUPPORT_AND_SITE"))
        .andExpect(jsonPath("$.candidateSiteIds", contains("MSK-022", "MSK-009", "MSK-003")))
        .andExpect(jsonPath("$.site").value(nullValue()));
  }

  @Test
  void viewShowsTheSiteOfferedToTheRequest() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.SUPPORT_AND_SITE)));
    given(siteRegistry.heldBy(NUMBER)).willReturn(Optional.of(site("MSK-022", SiteStatus.RESERVED, NUMBER)));

    mvc.perform(get(REQUESTS + "/" + NUMBER).with(investor()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.candidateSiteIds", hasSize(0)))
        .andExpect(jsonPath("$.site.id").value("MSK-022"))
        .andExpect(jsonPath("$.site.name").value("Алабушево, участок 20"))
        .andExpect(jsonPath("$.site.zone").value("ОЭЗ «Технополис Москва» — Алабушево"))
        .andExpect(jsonPath("$.site.areaHa").value(5.0))
        .andExpect(jsonPath("$.site.powerMw").value(10.0))
        .andExpect(jsonPath("$.site.allowedHazardClasses", containsInAnyOrder(3, 4, 5)))
        .andExpect(jsonPath("$.site.status").value("RESERVED"))
        .andExpect(jsonPath("$.site.requestNumber").value(NUMBER));
  }

  @Test
  void malformedNumberIsA400NamingTheNumber() throws Exception {
    MvcResult result =
        mvc.perform(get(REQUESTS + "/abc").with(investor()))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
            .andReturn();
    assertThat(errorFields(result)).containsExactly("number");
    then(registry).shouldHaveNoInteractions();
  }

  // ---------------------------------------------------------------- listing

  @Test
  void listingFiltersByTheCallerAndPassesFiltersAndPaging() throws Exception {
    given(registry.list(any(), anyInt(), anyInt()))
        .willReturn(
            new RequestPage(List.of(filed(NUMBER, "investor", RequestStage.ASSESSMENT)), 2, 5, 11));

    mvc.perform(
            get(REQUESTS)
                .with(investor())
                .param("status", "IN_PROGRESS")
                .param("sector", "BATTERY_RECYCLING")
                .param("page", "2")
                .param("size", "5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].number").value(NUMBER))
        .andExpect(jsonPath("$.items[0].stage").value("ASSESSMENT"))
        .andExpect(jsonPath("$.items[0].links.self").value(REQUESTS + "/" + NUMBER))
        .andExpect(jsonPath("$.page").value(2))
        .andExpect(jsonPath("$.size").value(5))
        .andExpect(jsonPath("$.totalElements").value(11))
        .andExpect(jsonPath("$.totalPages").value(3));

    then(registry)
        .should()
        .list(new RequestFilter("investor", RequestStatus.IN_PROGRESS, Sector.BATTERY_RECYCLING), 2, 5);
  }

  @Test
  void listingWithoutParametersShowsTheFirstPageOfTheCallersRequests() throws Exception {
    given(registry.list(any(), anyInt(), anyInt())).willReturn(new RequestPage(List.of(), 0, 20, 0));

    mvc.perform(get(REQUESTS).with(investor()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(0)))
        .andExpect(jsonPath("$.totalPages").value(0));

    then(registry).should().list(new RequestFilter("investor", null, null), 0, 20);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"size, 0", "size, 101", "size, 1000", "page, -1"})
  void pagingOutOfRangeIsA400NamingTheParameter(String parameter, String value) throws Exception {
    MvcResult result =
        mvc.perform(get(REQUESTS).with(investor()).param(parameter, value))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
            .andReturn();
    assertThat(errorFields(result)).containsExactly(parameter);
    then(registry).shouldHaveNoInteractions();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"status, FOO", "sector, STEEL"})
  void unknownFilterValueIsA400Problem(String parameter, String value) throws Exception {
    mvc.perform(get(REQUESTS).with(investor()).param(parameter, value))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("'" + parameter + "'")));
    then(registry).shouldHaveNoInteractions();
  }

  // ---------------------------------------------------------------- supplying documents

  @Test
  void suppliedDocumentsAreHandedToTheProcess() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.DOCUMENTS)));
    given(registry.get(NUMBER)).willReturn(filed(NUMBER, "investor", RequestStage.SCREENING));

    supplyDocuments(NUMBER, "{\"documents\": [\"ENVIRONMENTAL_IMPACT_SUMMARY\", \"LICENCES\"]}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.number").value(NUMBER))
        .andExpect(jsonPath("$.stage").value("ASSESSMENT"));

    then(documents)
        .should()
        .supply(NUMBER, List.of(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY, DocumentType.LICENCES));
  }

  @Test
  void documentsForARequestNotWaitingForThemAreA409Problem() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.ASSESSMENT)));
    willThrow(new NotWaitingException(NUMBER, "Message_DocumentsSupplied"))
        .given(documents)
        .supply(eq(NUMBER), any());

    supplyDocuments(NUMBER, "{\"documents\": [\"LICENCES\"]}")
        .andExpect(status().isConflict())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString(NUMBER)));
  }

  @Test
  void documentsForAnotherInvestorsRequestAreA404Problem() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor2", RequestStage.DOCUMENTS)));

    supplyDocuments(NUMBER, "{\"documents\": [\"LICENCES\"]}")
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
    then(documents).shouldHaveNoInteractions();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"documents\": []}                         | documents",
        "{}                                          | documents",
        "{\"documents\": [null]}                     | documents[0]",
        "{\"documents\": [\"LICENCES\", \"PASSPORT\"]} | documents[1]"
      })
  void invalidDocumentsAreA400NamingTheField(String body, String field) throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.DOCUMENTS)));

    MvcResult result =
        supplyDocuments(NUMBER, body)
            .andExpect(status().isBadRequest())
            .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
            .andReturn();
    assertThat(errorFields(result)).isNotEmpty().containsOnly(field);
    then(documents).shouldHaveNoInteractions();
  }

  @Test
  void documentsForAMalformedNumberAreA400NamingTheNumber() throws Exception {
    MvcResult result =
        supplyDocuments("LOC-25-1", "{\"documents\": [\"LICENCES\"]}")
            .andExpect(status().isBadRequest())
            .andReturn();
    assertThat(errorFields(result)).containsExactly("number");
    then(documents).shouldHaveNoInteractions();
  }

  // ---------------------------------------------------------------- answering a site offer

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "{\"accepted\": true, \"comment\": \"Suits us\"}  | true  | Suits us",
        "{\"accepted\": false, \"comment\": \"Too far\"}  | false | Too far",
        "{\"accepted\": true}                                | true  | null"
      })
  void siteOfferAnswerIsHandedToTheProcess(String body, boolean accepted, String comment) throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.SUPPORT_AND_SITE)));
    given(registry.get(NUMBER)).willReturn(filed(NUMBER, "investor", RequestStage.FINAL_APPROVAL));

    answerSiteOffer(NUMBER, body)
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(APPLICATION_JSON))
        .andExpect(jsonPath("$.number").value(NUMBER))
        .andExpect(jsonPath("$.stage").value("FINAL_APPROVAL"));

    then(messages).should().siteOfferAnswered(NUMBER, accepted, comment);
    then(messages).shouldHaveNoMoreInteractions();
  }

  @Test
  void siteOfferAnswerWithACommentOfExactlyTheLimitIsAccepted() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.SUPPORT_AND_SITE)));
    given(registry.get(NUMBER)).willReturn(filed(NUMBER, "investor", RequestStage.SUPPORT_AND_SITE));
    String comment = "C".repeat(1000);

    answerSiteOffer(NUMBER, "{\"accepted\": false, \"comment\": \"" + comment + "\"}").andExpect(status().isOk());

    then(messages).should().siteOfferAnswered(NUMBER, false, comment);
  }

  static Stream<Arguments> invalidSiteOfferAnswer() {
    return Stream.of(
        Arguments.of("accepted missing", "{\"comment\": \"Suits us\"}", "accepted"),
        Arguments.of("accepted null", "{\"accepted\": null}", "accepted"),
        Arguments.of("accepted not a boolean", "{\"accepted\": \"maybe\"}", "accepted"),
        Arguments.of("comment of 1001 characters", "{\"accepted\": true, \"comment\": \"" + "C".repeat(1001) + "\"}", "comment"),
        Arguments.of("comment with NUL", "{\"accepted\": true, \"comment\": \"Suits\\u0000 us\"}", "comment"),
        Arguments.of("comment with a right-to-left override", "{\"accepted\": false, \"comment\": \"\\u202eToo far\"}", "comment"),
        Arguments.of("comment with a zero-width space", "{\"accepted\": false, \"comment\": \"Too\\u200bfar\"}", "comment"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSiteOfferAnswer")
  void invalidSiteOfferAnswerIsA400NamingTheField(String description, String body, String field) throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.SUPPORT_AND_SITE)));

    MvcResult result =
        answerSiteOffer(NUMBER, body)
            .andExpect(status().isBadRequest())
            .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(400))
            .andReturn();
    assertThat(errorFields(result)).containsExactly(field);
    then(messages).shouldHaveNoInteractions();
  }

  @Test
  void siteOfferAnswerWhenNoOfferAwaitsOneIsA409Problem() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.ASSESSMENT)));
    willThrow(new NotWaitingException(NUMBER, "SiteOfferAnswered"))
        .given(messages)
        .siteOfferAnswered(eq(NUMBER), anyBoolean(), any());

    answerSiteOffer(NUMBER, "{\"accepted\": true}")
        .andExpect(status().isConflict())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.detail", containsString(NUMBER)))
        .andExpect(jsonPath("$.detail", containsString("SiteOfferAnswered")));
  }

  @Test
  void siteOfferAnswerForAnotherInvestorsRequestIsA404Problem() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor2", RequestStage.SUPPORT_AND_SITE)));

    answerSiteOffer(NUMBER, "{\"accepted\": true}")
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("No localisation request " + NUMBER))
        .andExpect(content().string(not(containsString("Ge Pai"))));
    then(messages).shouldHaveNoInteractions();
  }

  @Test
  void siteOfferAnswerForAnUnknownRequestIsA404Problem() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.empty());

    answerSiteOffer(NUMBER, "{\"accepted\": true}")
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
    then(messages).shouldHaveNoInteractions();
  }

  // ---------------------------------------------------------------- withdrawing a request

  @Test
  void withdrawalIsHandedToTheProcess() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.ASSESSMENT)));
    given(registry.get(NUMBER)).willReturn(finished(NUMBER, "investor", RequestStatus.WITHDRAWN));

    withdraw(NUMBER, "{\"reason\": \"Project moved to another region\"}")
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(APPLICATION_JSON))
        .andExpect(jsonPath("$.number").value(NUMBER))
        .andExpect(jsonPath("$.status").value("WITHDRAWN"))
        .andExpect(jsonPath("$.stage").value("DONE"));

    then(messages).should().withdrawn(NUMBER, "Project moved to another region");
    then(messages).shouldHaveNoMoreInteractions();
  }

  @Test
  void withdrawalReasonMayKeepLineBreaksAndTabs() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.ASSESSMENT)));
    given(registry.get(NUMBER)).willReturn(finished(NUMBER, "investor", RequestStatus.WITHDRAWN));

    withdraw(NUMBER, "{\"reason\": \"Changed our plans:\\n\\tsee letter\"}").andExpect(status().isOk());

    then(messages).should().withdrawn(NUMBER, "Changed our plans:\n\tsee letter");
  }

  static Stream<Arguments> invalidWithdrawal() {
    return Stream.of(
        Arguments.of("reason missing", "{}"),
        Arguments.of("reason null", "{\"reason\": null}"),
        Arguments.of("reason empty", "{\"reason\": \"\"}"),
        Arguments.of("reason blank", "{\"reason\": \"   \"}"),
        Arguments.of("reason of 1001 characters", "{\"reason\": \"" + "R".repeat(1001) + "\"}"),
        Arguments.of("reason with NUL", "{\"reason\": \"Changed\\u0000 our plans\"}"),
        Arguments.of("reason with BEL", "{\"reason\": \"Changed our plans\\u0007\"}"),
        Arguments.of("reason with a right-to-left override", "{\"reason\": \"\\u202eChanged our plans\"}"),
        Arguments.of("reason with a pop directional isolate", "{\"reason\": \"Changed our plans\\u2069\"}"),
        Arguments.of("reason with a zero-width space", "{\"reason\": \"Changed\\u200bour plans\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidWithdrawal")
  void invalidWithdrawalIsA400NamingTheReason(String description, String body) throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.ASSESSMENT)));

    MvcResult result =
        withdraw(NUMBER, body)
            .andExpect(status().isBadRequest())
            .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
            .andReturn();
    assertThat(errorFields(result)).isNotEmpty().containsOnly("reason");
    then(messages).shouldHaveNoInteractions();
  }

  @Test
  void withdrawalOfAnEndedRequestIsA409Problem() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(finished(NUMBER, "investor", RequestStatus.APPROVED)));
    willThrow(new NotWaitingException(NUMBER, "RequestWithdrawn")).given(messages).withdrawn(eq(NUMBER), any());

    withdraw(NUMBER, "{\"reason\": \"Changed our plans\"}")
        .andExpect(status().isConflict())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.detail", containsString(NUMBER)));
  }

  @Test
  void withdrawalOfAnotherInvestorsRequestIsA404Problem() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor2", RequestStage.ASSESSMENT)));

    withdraw(NUMBER, "{\"reason\": \"Changed our plans\"}")
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
    then(messages).shouldHaveNoInteractions();
  }

  @Test
  void withdrawalForAMalformedNumberIsA400NamingTheNumber() throws Exception {
    MvcResult result =
        withdraw("LOC-25-1", "{\"reason\": \"Changed our plans\"}").andExpect(status().isBadRequest()).andReturn();
    assertThat(errorFields(result)).containsExactly("number");
    then(messages).shouldHaveNoInteractions();
  }

  // ---------------------------------------------------------------- the site registry

  @Test
  void siteRegistryListsEverySiteWithTheContractsFields() throws Exception {
    given(siteRegistry.all())
        .willReturn(
            List.of(
                new IndustrialSite(
                    "MSK-001",
                    "Технополис «Печатники», корпус 7",
                    "ОЭЗ «Технополис Москва» — Печатники",
                    new BigDecimal("2.50"),
                    new BigDecimal("6.0"),
                    Set.of(4, 5),
                    SiteStatus.AVAILABLE,
                    null),
                site("MSK-022", SiteStatus.ALLOCATED, NUMBER)));
    given(registry.numbersSubmittedBy("investor")).willReturn(Set.of(NUMBER));

    MvcResult result =
        mvc.perform(get("/api/v1/sites").with(investor()))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(APPLICATION_JSON))
            .andExpect(jsonPath("$", hasSize(2)))
            .andExpect(jsonPath("$[0].id").value("MSK-001"))
            .andExpect(jsonPath("$[0].status").value("AVAILABLE"))
            .andExpect(jsonPath("$[1].id").value("MSK-022"))
            .andExpect(jsonPath("$[1].name").value("Алабушево, участок 20"))
            .andExpect(jsonPath("$[1].zone").value("ОЭЗ «Технополис Москва» — Алабушево"))
            .andExpect(jsonPath("$[1].areaHa").value(5.0))
            .andExpect(jsonPath("$[1].powerMw").value(10.0))
            .andExpect(jsonPath("$[1].allowedHazardClasses", containsInAnyOrder(3, 4, 5)))
            .andExpect(jsonPath("$[1].status").value("ALLOCATED"))
            .andExpect(jsonPath("$[1].requestNumber").value(NUMBER))
            .andReturn();
    JsonNode sitesJson = JSON.readTree(result.getResponse().getContentAsString());
    List<String> fields = new ArrayList<>();
    sitesJson.get(1).fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "id", "name", "zone", "areaHa", "powerMw", "allowedHazardClasses", "status", "requestNumber");
    // an available site is held by no request
    assertThat(sitesJson.get(0).path("requestNumber").textValue()).isNull();
  }

  @Test
  void siteRegistryHidesWhichRequestOfAnotherInvestorHoldsASite() throws Exception {
    given(siteRegistry.all()).willReturn(List.of(site("MSK-022", SiteStatus.RESERVED, "LOC-2025-00007")));
    given(registry.numbersSubmittedBy("investor")).willReturn(Set.of(NUMBER));

    mvc.perform(get("/api/v1/sites").with(investor()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].status").value("RESERVED"))
        .andExpect(jsonPath("$[0].requestNumber").doesNotExist());
  }

  @Test
  void lostDatabaseIsA503ProblemWithRetryAfter() throws Exception {
    given(intake.submit(any(), any()))
        .willThrow(
            new org.camunda.bpm.engine.ProcessEngineException(
                "ENGINE-03004 Exception while executing Database Operation",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available")));

    mvc.perform(post(REQUESTS).with(investor()).contentType(APPLICATION_JSON).content(recyclingPlantJson(REFERENCE)))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("The service is temporarily unavailable; please retry shortly"));
  }

  @Test
  void siteRegistryWithoutCredentialsIsA401Problem() throws Exception {
    mvc.perform(get("/api/v1/sites"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(WWW_AUTHENTICATE, startsWith("Basic ")))
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
    then(siteRegistry).shouldHaveNoInteractions();
  }

  @Test
  void siteRegistryForAnOfficialWithoutTheInvestorGroupIsA403Problem() throws Exception {
    mvc.perform(
            get("/api/v1/sites")
                .with(user("site.officer").authorities(new SimpleGrantedAuthority("GROUP_site-allocation"))))
        .andExpect(status().isForbidden())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
    then(siteRegistry).shouldHaveNoInteractions();
  }

  // ---------------------------------------------------------------- failures behind the API

  @Test
  void theCallersReferenceStillBeingRegisteredIsA409Problem() throws Exception {
    given(intake.submit(any(), anyString())).willThrow(DuplicateRequestException.beingRegistered(REFERENCE));

    submit(recyclingPlantJson(REFERENCE))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("being registered")));
  }

  @Test
  void unexpectedFailureIsA500ProblemThatRevealsNothing() throws Exception {
    given(intake.submit(any(), anyString()))
        .willThrow(new IllegalStateException("connection to db-node-7 refused"));

    submit(recyclingPlantJson(REFERENCE))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("An internal error occurred"))
        .andExpect(content().string(not(containsString("db-node-7"))))
        .andExpect(content().string(not(containsString("Exception"))))
        .andExpect(content().string(not(containsString("at ru."))));
  }


  // ---------------------------------------------------------------- documents as files

  private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Test
  void uploadedFilesAreStoredAnd201ListsThemWithBareNames() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.DOCUMENTS)));
    given(registry.get(NUMBER)).willReturn(filed(NUMBER, "investor", RequestStage.DOCUMENTS));
    given(registry.getForUpdate(NUMBER)).willReturn(filed(NUMBER, "investor", RequestStage.DOCUMENTS));
    given(documentStore.store(eq(NUMBER), eq(DocumentType.BUSINESS_PLAN), eq("plan.pdf"), eq("application/pdf"), eq((long) PDF.length), any()))
        .willReturn(new StoredDocument("00000000-0000-0000-0000-000000000001", NUMBER, DocumentType.BUSINESS_PLAN,
            "plan.pdf", "application/pdf", PDF.length, "ab".repeat(32), FILED_AT));

    // a browser on Windows sends the whole path; the declared type does not matter
    mvc.perform(multipart(REQUESTS + "/" + NUMBER + "/documents")
            .file(new MockMultipartFile("BUSINESS_PLAN", "C:\\Users\\me\\plan.pdf", "text/plain", PDF))
            .with(investor()))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.documents[0].type").value("BUSINESS_PLAN"))
        .andExpect(jsonPath("$.documents[0].fileName").value("plan.pdf"))
        .andExpect(jsonPath("$.documents[0].contentType").value("application/pdf"))
        .andExpect(jsonPath("$.documents[0].sizeBytes").value(PDF.length))
        .andExpect(jsonPath("$.documents[0].sha256").value("ab".repeat(32)));
    then(documents).should().filed(NUMBER, List.of(DocumentType.BUSINESS_PLAN));
  }

  static Stream<Arguments> refusedUploads() throws Exception {
    byte[] exe = new byte[256];
    exe[0] = 'M';
    exe[1] = 'Z';
    java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
      out.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
      out.write("not a document".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    byte[] tooLarge = new byte[(int) DocumentUploads.MAX_FILE_BYTES + 1];
    System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);
    return Stream.of(
        Arguments.of("an executable named .pdf", "BUSINESS_PLAN", "plan.pdf", exe, 415),
        Arguments.of("HTML", "BUSINESS_PLAN", "plan.pdf", html, 415),
        Arguments.of("a zip archive named .docx", "CORPORATE_DOCUMENTS", "charter.docx", zip.toByteArray(), 415),
        Arguments.of("an empty file", "BUSINESS_PLAN", "plan.pdf", new byte[0], 400),
        Arguments.of("an unknown document type", "PASSPORT", "passport.pdf", PDF, 400),
        Arguments.of("a file one byte over 20 MiB", "BUSINESS_PLAN", "plan.pdf", tooLarge, 413));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedUploads")
  void refusedUploadsStoreNothing(String what, String part, String fileName, byte[] content, int status) throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.DOCUMENTS)));
    given(registry.get(NUMBER)).willReturn(filed(NUMBER, "investor", RequestStage.DOCUMENTS));
    given(registry.getForUpdate(NUMBER)).willReturn(filed(NUMBER, "investor", RequestStage.DOCUMENTS));

    // a valid file in the same call is not stored either: all or nothing
    mvc.perform(multipart(REQUESTS + "/" + NUMBER + "/documents")
            .file(new MockMultipartFile("FINANCIAL_STATEMENTS", "accounts.pdf", "application/pdf", PDF))
            .file(new MockMultipartFile(part, fileName, "application/pdf", content))
            .with(investor()))
        .andExpect(status().is(status))
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status));
    then(documentStore).shouldHaveNoInteractions();
    then(documents).shouldHaveNoInteractions();
  }

  @Test
  void moreThanFiftyFilesAreA413AndStoreNothing() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.DOCUMENTS)));
    given(registry.get(NUMBER)).willReturn(filed(NUMBER, "investor", RequestStage.DOCUMENTS));
    given(registry.getForUpdate(NUMBER)).willReturn(filed(NUMBER, "investor", RequestStage.DOCUMENTS));
    var upload = multipart(REQUESTS + "/" + NUMBER + "/documents");
    for (int i = 0; i <= DocumentUploads.MAX_FILES; i++) {
      upload.file(new MockMultipartFile("LICENCES", "licence-" + i + ".pdf", "application/pdf", PDF));
    }

    mvc.perform(upload.with(investor()))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
    then(documentStore).shouldHaveNoInteractions();
  }

  @Test
  void uploadsToAnEndedRequestAreA409() throws Exception {
    LocalisationRequest withdrawn = finished(NUMBER, "investor", RequestStatus.WITHDRAWN);
    given(registry.find(NUMBER)).willReturn(Optional.of(withdrawn));
    given(registry.get(NUMBER)).willReturn(withdrawn);
    given(registry.getForUpdate(NUMBER)).willReturn(withdrawn);

    mvc.perform(multipart(REQUESTS + "/" + NUMBER + "/documents")
            .file(new MockMultipartFile("LICENCES", "licence.pdf", "application/pdf", PDF))
            .with(investor()))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
    then(documentStore).shouldHaveNoInteractions();
  }

  @Test
  void anotherInvestorsDocumentsAreA404() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor2", RequestStage.DOCUMENTS)));
    String documentsPath = REQUESTS + "/" + NUMBER + "/documents";

    mvc.perform(multipart(documentsPath)
            .file(new MockMultipartFile("LICENCES", "licence.pdf", "application/pdf", PDF))
            .with(investor()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
    mvc.perform(get(documentsPath).with(investor())).andExpect(status().isNotFound());
    mvc.perform(get(documentsPath + "/00000000-0000-0000-0000-000000000001").with(investor()))
        .andExpect(status().isNotFound());
    then(documentStore).shouldHaveNoInteractions();
  }

  @Test
  void aDocumentDownloadsAsAnAttachmentWithItsContentType() throws Exception {
    String id = "00000000-0000-0000-0000-000000000001";
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.SCREENING)));
    given(documentStore.find(NUMBER, id))
        .willReturn(Optional.of(new StoredDocument(id, NUMBER, DocumentType.BUSINESS_PLAN, "бизнес-план \"v2\".pdf",
            "application/pdf", PDF.length, "ab".repeat(32), FILED_AT)));
    org.mockito.BDDMockito.willAnswer(call -> {
          call.<java.io.OutputStream>getArgument(1).write(PDF);
          return null;
        })
        .given(documentStore)
        .copyContent(eq(id), any());

    mvc.perform(get(REQUESTS + "/" + NUMBER + "/documents/" + id).with(investor()))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"))
        .andExpect(header().string("Content-Disposition", startsWith("attachment; filename=")))
        // plain ASCII for every client, the exact name for those that read filename*
        .andExpect(header().string("Content-Disposition", containsString("filename=\"______-____ _v2_.pdf\"")))
        .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''%D0%B1")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(content().bytes(PDF));
  }

  @Test
  void anUnknownDocumentIdIsA404() throws Exception {
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.SCREENING)));

    mvc.perform(get(REQUESTS + "/" + NUMBER + "/documents/00000000-0000-0000-0000-000000000009").with(investor()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aMultipartIntakeFilesTheDocumentsItCarries() throws Exception {
    given(intake.submit(any(), eq("investor"), any()))
        .willReturn(new Submission(filed(NUMBER, "investor", RequestStage.DOCUMENTS), true));

    mvc.perform(multipart(REQUESTS)
            .file(new MockMultipartFile("request", "", "application/json", recyclingPlantJson(REFERENCE).getBytes(StandardCharsets.UTF_8)))
            .file(new MockMultipartFile("BUSINESS_PLAN", "plan.pdf", "application/pdf", PDF))
            .with(investor()))
        .andExpect(status().isCreated())
        .andExpect(header().string(LOCATION, REQUESTS + "/" + NUMBER));

    // the JSON announced four documents; one file came, and only it counts as filed
    ArgumentCaptor<NewLocalisationRequest> parsed = ArgumentCaptor.forClass(NewLocalisationRequest.class);
    then(intake).should().submit(parsed.capture(), eq("investor"), any());
    assertThat(parsed.getValue().documents()).containsExactly(DocumentType.BUSINESS_PLAN);
  }

  @Test
  void aMultipartIntakeWithAnExecutableIsA415AndStartsNothing() throws Exception {
    byte[] exe = new byte[64];
    exe[0] = 'M';
    exe[1] = 'Z';

    mvc.perform(multipart(REQUESTS)
            .file(new MockMultipartFile("request", "", "application/json", recyclingPlantJson(REFERENCE).getBytes(StandardCharsets.UTF_8)))
            .file(new MockMultipartFile("BUSINESS_PLAN", "plan.pdf", "application/pdf", exe))
            .with(investor()))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentType(APPLICATION_PROBLEM_JSON));
    then(intake).shouldHaveNoInteractions();
    then(documentStore).shouldHaveNoInteractions();
  }

  @Test
  void linksFollowTheRequestsState() throws Exception {
    // past the documents with nothing missing, no offer open: self and withdrawal only
    given(registry.find(NUMBER)).willReturn(Optional.of(filed(NUMBER, "investor", RequestStage.ASSESSMENT)));
    mvc.perform(get(REQUESTS + "/" + NUMBER).with(investor()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.links.self").exists())
        .andExpect(jsonPath("$.links.withdrawal").exists())
        .andExpect(jsonPath("$.links.documents").doesNotExist())
        .andExpect(jsonPath("$.links.siteOfferAnswer").doesNotExist());

    // ended: nothing left to do
    given(registry.find(NUMBER)).willReturn(Optional.of(finished(NUMBER, "investor", RequestStatus.APPROVED)));
    mvc.perform(get(REQUESTS + "/" + NUMBER).with(investor()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.links.self").exists())
        .andExpect(jsonPath("$.links.withdrawal").doesNotExist())
        .andExpect(jsonPath("$.links.documents").doesNotExist())
        .andExpect(jsonPath("$.links.siteOfferAnswer").doesNotExist());
  }

  @Test
  void aListingOffersTheSiteAnswerExactlyWhileAnOfferIsOpen() throws Exception {
    given(registry.list(any(), anyInt(), anyInt()))
        .willReturn(new RequestPage(List.of(filed(NUMBER, "investor", RequestStage.SUPPORT_AND_SITE)), 0, 20, 1));

    // a site reserved for the request is an offer awaiting the investor's answer
    given(siteRegistry.heldBy(NUMBER)).willReturn(Optional.of(site("MSK-022", SiteStatus.RESERVED, NUMBER)));
    mvc.perform(get(REQUESTS).with(investor()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].links.siteOfferAnswer").value(REQUESTS + "/" + NUMBER + "/site-offer/answer"));

    // no site held: no offer to answer
    given(siteRegistry.heldBy(NUMBER)).willReturn(Optional.empty());
    mvc.perform(get(REQUESTS).with(investor()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].links.siteOfferAnswer").doesNotExist())
        .andExpect(jsonPath("$.items[0].links.withdrawal").exists());
  }

  // ---------------------------------------------------------------- helpers

  private static RequestPostProcessor investor() {
    return user("investor").authorities(new SimpleGrantedAuthority("GROUP_investor"));
  }

  private ResultActions submit(String body) throws Exception {
    return mvc.perform(post(REQUESTS).with(investor()).contentType(APPLICATION_JSON).content(body));
  }

  private ResultActions supplyDocuments(String number, String body) throws Exception {
    return mvc.perform(
        post(REQUESTS + "/" + number + "/documents")
            .with(investor())
            .contentType(APPLICATION_JSON)
            .content(body));
  }

  private ResultActions answerSiteOffer(String number, String body) throws Exception {
    return mvc.perform(
        post(REQUESTS + "/" + number + "/site-offer/answer")
            .with(investor())
            .contentType(APPLICATION_JSON)
            .content(body));
  }

  private ResultActions withdraw(String number, String body) throws Exception {
    return mvc.perform(
        post(REQUESTS + "/" + number + "/withdrawal")
            .with(investor())
            .contentType(APPLICATION_JSON)
            .content(body));
  }

  /** The demo registry's site that fits the example request best, with the given status and holder. */
  private static IndustrialSite site(String id, SiteStatus status, String requestNumber) {
    return new IndustrialSite(
        id,
        "Алабушево, участок 20",
        "ОЭЗ «Технополис Москва» — Алабушево",
        new BigDecimal("5.00"),
        new BigDecimal("10.0"),
        Set.of(3, 4, 5),
        status,
        requestNumber);
  }

  /** The example request once it has ended with {@code status}. */
  private static LocalisationRequest finished(String number, String submittedBy, RequestStatus status) {
    LocalisationRequest open = filed(number, submittedBy, RequestStage.DONE);
    return new LocalisationRequest(
        open.number(), open.externalReference(), open.investorName(), open.investorCountry(),
        open.investorRegistrationNumber(), open.investorContactEmail(), open.sector(), open.title(),
        open.description(), open.investmentRub(), open.plannedJobs(), open.exportSharePercent(),
        open.requiredAreaHa(), open.requiredPowerMw(), open.hazardClass(), open.documents(),
        open.missingDocuments(), open.exportSupportRequested(), open.personnelExchangeRequested(),
        status, RequestStage.DONE, open.submittedBy(), open.processInstanceId(), open.agreementNumber(),
        open.createdAt(), open.updatedAt());
  }

  /** The example request as the registry holds it once filed by {@code submittedBy}. */
  private static LocalisationRequest filed(String number, String submittedBy, RequestStage stage) {
    return new LocalisationRequest(
        number,
        REFERENCE,
        "Ge Pai New Energy Co.",
        "CN",
        "91310000MA1FL0000X",
        "invest@example.cn",
        Sector.BATTERY_RECYCLING,
        "Li-ion battery recycling plant",
        "Full cycle",
        2_500_000_000L,
        320,
        30,
        new BigDecimal("5.0"),
        new BigDecimal("10.0"),
        3,
        ALL_RECYCLING_DOCUMENTS,
        List.of(),
        true,
        true,
        RequestStatus.IN_PROGRESS,
        stage,
        submittedBy,
        "process-instance-1",
        null,
        FILED_AT,
        FILED_AT);
  }

  private void givenGroupsOf(String userId, String groupId) {
    Group group = mock(Group.class);
    given(group.getId()).willReturn(groupId);
    GroupQuery query = mock(GroupQuery.class);
    given(query.groupMember(userId)).willReturn(query);
    given(query.list()).willReturn(List.of(group));
    given(identityService.createGroupQuery()).willReturn(query);
    TenantQuery tenants = mock(TenantQuery.class, RETURNS_SELF);
    given(tenants.list()).willReturn(List.of());
    given(identityService.createTenantQuery()).willReturn(tenants);
  }

  private static FieldChange missing(String path) {
    return new FieldChange(path + " missing", path, null, path);
  }

  private static FieldChange set(String path, String what, Object value) {
    return new FieldChange(path + " " + what, path, JSON.valueToTree(value), path);
  }

  /** The example body with the value at a dotted path replaced, or removed when value is null. */
  private static String withChange(String path, JsonNode value) throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree(recyclingPlantJson(REFERENCE));
    String[] names = path.split("\\.");
    ObjectNode parent = body;
    for (int i = 0; i < names.length - 1; i++) {
      parent = (ObjectNode) parent.get(names[i]);
    }
    String last = names[names.length - 1];
    if (value == null) {
      parent.remove(last);
    } else {
      parent.set(last, value);
    }
    return JSON.writeValueAsString(body);
  }

  /** A well-formed address whose only fault is being longer than 254 characters. */
  private static String longValidEmail() {
    String label = "d".repeat(60);
    return "a".repeat(64) + "@" + String.join(".", label, label, label, label) + ".cn";
  }

  /** Pads a JSON body with trailing whitespace to exactly {@code bytes} bytes. */
  private static String padded(String json, int bytes) {
    int length = json.getBytes(StandardCharsets.UTF_8).length;
    assertThat(length).isLessThan(bytes);
    return json + " ".repeat(bytes - length);
  }

  private static List<String> errorFields(MvcResult result) throws Exception {
    return JsonPath.read(result.getResponse().getContentAsString(), "$.errors[*].field");
  }
}
