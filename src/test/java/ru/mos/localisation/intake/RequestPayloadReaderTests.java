package ru.mos.localisation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.intake.NewLocalisationRequest.Investor;
import ru.mos.localisation.intake.NewLocalisationRequest.Project;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.shared.InvalidInputException.FieldViolation;
import ru.mos.localisation.request.Sector;

/**
 * The {@code request} start variable, as Camunda's REST API (Json or String) and the investor API
 * (the record) hand it over: what is read, and which fields each rejection names.
 */
class RequestPayloadReaderTests {

  private static final String REF = "GP-CIIF-2025-001";

  private static ValidatorFactory validatorFactory;
  private static RequestPayloadReader reader;

  @BeforeAll
  static void createReader() {
    // the application's mapper: Spring Boot's defaults plus accept-float-as-int off (application.yml)
    ObjectMapper objectMapper =
        Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    validatorFactory = Validation.buildDefaultValidatorFactory();
    Validator validator = validatorFactory.getValidator();
    reader = new RequestPayloadReader(objectMapper, validator);
  }

  @AfterAll
  static void closeValidatorFactory() {
    validatorFactory.close();
  }

  // --- accepted forms ---------------------------------------------------------------------

  @Test
  void readsTheRequestFromAJsonString() {
    NewLocalisationRequest request = reader.read(TestRequests.recyclingPlantJson(REF));

    assertThat(request)
        .usingRecursiveComparison()
        .ignoringFields("project.description")
        .isEqualTo(TestRequests.recyclingPlant(REF));
    assertThat(request.project().description()).isEqualTo("Full cycle");
  }

  @Test
  void readsTheRequestFromASpinJsonNode() {
    NewLocalisationRequest request = reader.read(Spin.JSON(TestRequests.recyclingPlantJson(REF)));

    assertThat(request.externalReference()).isEqualTo(REF);
    assertThat(request.investor().registrationNumber()).isEqualTo("91310000MA1FL0000X");
    assertThat(request.project().sector()).isEqualTo(Sector.BATTERY_RECYCLING);
    assertThat(request.project().requiredAreaHa()).isEqualByComparingTo("5.0");
    assertThat(request.documents()).containsExactlyElementsOf(TestRequests.ALL_RECYCLING_DOCUMENTS);
    assertThat(request.exportSupportRequested()).isTrue();
  }

  @Test
  void passesAValidRecordThroughUnchanged() {
    NewLocalisationRequest record = TestRequests.recyclingPlant(REF);

    assertThat(reader.read(record)).isSameAs(record);
  }

  @Test
  void ignoresUnknownPropertiesLikeTheInvestorApi() {
    String json = TestRequests.recyclingPlantJson(REF).replaceFirst("\\{", "{\"portalVersion\": 2,");

    assertThat(reader.read(json).externalReference()).isEqualTo(REF);
  }

  // --- not a request at all ---------------------------------------------------------------

  @Test
  void rejectsAMissingVariable() {
    assertThat(violations(null)).extracting(FieldViolation::field).containsExactly("request");
  }

  @Test
  void rejectsANumber() {
    assertThat(violations(42)).extracting(FieldViolation::field).containsExactly("request");
  }

  @Test
  void rejectsAStringThatIsNotJson() {
    assertThat(violations("this is not { json"))
        .containsExactly(new FieldViolation("request", "is not well-formed JSON"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "null", "[]", "\"a string\"", "17"})
  void rejectsJsonThatIsNotAnObject(String json) {
    assertThat(violations(json)).extracting(FieldViolation::field).containsExactly("request");
  }

  @Test
  void rejectsTruncatedJsonAsNotWellFormedRatherThanBlamingAField() {
    String json = TestRequests.recyclingPlantJson(REF);
    String truncated = json.substring(0, json.indexOf("\"hazardClass\""));

    assertThat(violations(truncated))
        .containsExactly(new FieldViolation("request", "is not well-formed JSON"));
  }

  @Test
  void rejectsASyntaxErrorInsideANestedObjectAsNotWellFormed() {
    String json = TestRequests.recyclingPlantJson(REF).replace("\"plannedJobs\": 320", "\"plannedJobs\": 32x0");

    assertThat(violations(json))
        .containsExactly(new FieldViolation("request", "is not well-formed JSON"));
  }

  // --- wrong types and unknown values ------------------------------------------------------

  @Test
  void rejectsAWrongTypeAndNamesItsPath() {
    String json = TestRequests.recyclingPlantJson(REF).replace("\"plannedJobs\": 320", "\"plannedJobs\": \"many\"");

    assertThat(violations(json))
        .containsExactly(new FieldViolation("project.plannedJobs", "has a wrong type or value"));
  }

  @Test
  void rejectsAFractionWhereAnIntegerBelongs() {
    String json = TestRequests.recyclingPlantJson(REF).replace("\"hazardClass\": 3", "\"hazardClass\": 3.5");

    assertThat(violations(json)).extracting(FieldViolation::field).containsExactly("project.hazardClass");
  }

  @Test
  void rejectsANumberTooLargeForItsFieldAndNamesTheField() {
    String json =
        TestRequests.recyclingPlantJson(REF).replace("\"plannedJobs\": 320", "\"plannedJobs\": 99999999999");

    assertThat(violations(json))
        .containsExactly(new FieldViolation("project.plannedJobs", "has a wrong type or value"));
  }

  @Test
  void rejectsAnObjectWhereAStringBelongs() {
    String json =
        TestRequests.recyclingPlantJson(REF).replace("\"country\": \"CN\"", "\"country\": {\"code\": \"CN\"}");

    assertThat(violations(json)).extracting(FieldViolation::field).containsExactly("investor.country");
  }

  @Test
  void rejectsAnUnknownSector() {
    String json = TestRequests.recyclingPlantJson(REF).replace("BATTERY_RECYCLING", "SPACE_MINING");

    assertThat(violations(json)).extracting(FieldViolation::field).containsExactly("project.sector");
  }

  @Test
  void rejectsAnUnknownDocumentTypeAndNamesItsIndex() {
    String json = TestRequests.recyclingPlantJson(REF).replace("\"FINANCIAL_STATEMENTS\"", "\"PASSPORT\"");

    assertThat(violations(json)).extracting(FieldViolation::field).containsExactly("documents[1]");
  }

  // --- constraint violations ---------------------------------------------------------------

  @Test
  void rejectsConstraintViolationsAndNamesEveryFieldInOrder() {
    String json =
        TestRequests.recyclingPlantJson(REF)
            .replace("\"country\": \"CN\"", "\"country\": \"china\"")
            .replace("\"hazardClass\": 3", "\"hazardClass\": 9");

    InvalidInputException invalid = rejection(json);

    assertThat(invalid.violations())
        .extracting(FieldViolation::field)
        .containsExactly("investor.country", "project.hazardClass");
    assertThat(invalid.getMessage()).contains("investor.country", "project.hazardClass");
  }

  @Test
  void rejectsConstraintViolationsInASpinJsonNode() {
    String json = TestRequests.recyclingPlantJson(REF).replace("\"hazardClass\": 3", "\"hazardClass\": 0");

    assertThat(violations(Spin.JSON(json)))
        .extracting(FieldViolation::field)
        .containsExactly("project.hazardClass");
  }

  @Test
  void rejectsMissingRequiredParts() {
    String json =
        """
        {"externalReference": "", "documents": ["BUSINESS_PLAN"]}
        """;

    // a blank reference breaks two constraints (not blank, pattern): each is listed
    assertThat(violations(json))
        .extracting(FieldViolation::field)
        .containsOnly("externalReference", "investor", "project")
        .contains("externalReference", "investor", "project");
  }

  @Test
  void rejectsAnInvalidRecordFromTheInvestorApi() {
    NewLocalisationRequest valid = TestRequests.recyclingPlant(REF);
    Project project = valid.project();
    NewLocalisationRequest invalid =
        new NewLocalisationRequest(
            "has spaces",
            new Investor(" ", "CN", "91310000MA1FL0000X", "not-an-email"),
            new Project(
                project.sector(),
                project.title(),
                project.description(),
                -1L,
                project.plannedJobs(),
                101,
                new BigDecimal("5.001"),
                project.requiredPowerMw(),
                project.hazardClass()),
            null,
            true,
            false);

    assertThat(violations(invalid))
        .extracting(FieldViolation::field)
        .containsExactly(
            "documents",
            "externalReference",
            "investor.contactEmail",
            "investor.name",
            "project.exportSharePercent",
            "project.investmentRub",
            "project.requiredAreaHa");
  }

  @Test
  void rejectsMoreThanTenDocuments() {
    NewLocalisationRequest valid = TestRequests.recyclingPlant(REF);
    List<DocumentType> eleven = Collections.nCopies(11, DocumentType.BUSINESS_PLAN);
    NewLocalisationRequest request =
        new NewLocalisationRequest(REF, valid.investor(), valid.project(), eleven, true, true);

    assertThat(violations(request)).extracting(FieldViolation::field).containsExactly("documents");
  }

  private static InvalidInputException rejection(Object variable) {
    InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class, () -> reader.read(variable));
    assertThat(invalid).as("read(%s) should be rejected", variable).isNotNull();
    return invalid;
  }

  private static List<FieldViolation> violations(Object variable) {
    return rejection(variable).violations();
  }
}
