package ru.mos.localisation;

import java.math.BigDecimal;
import java.util.List;
import ru.mos.localisation.intake.NewLocalisationRequest;
import ru.mos.localisation.intake.NewLocalisationRequest.Investor;
import ru.mos.localisation.intake.NewLocalisationRequest.Project;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.Sector;

/** Requests for tests: the product's example request and variations of it. */
public final class TestRequests {

  public static final List<DocumentType> ALL_RECYCLING_DOCUMENTS =
      List.of(
          DocumentType.BUSINESS_PLAN,
          DocumentType.FINANCIAL_STATEMENTS,
          DocumentType.CORPORATE_DOCUMENTS,
          DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY);

  private TestRequests() {}

  /** The battery-recycling request of the product's contract, with all documents. */
  public static NewLocalisationRequest recyclingPlant(String externalReference) {
    return recyclingPlant(externalReference, "Ge Pai New Energy Co.", ALL_RECYCLING_DOCUMENTS);
  }

  public static NewLocalisationRequest recyclingPlant(
      String externalReference, String investorName, List<DocumentType> documents) {
    return new NewLocalisationRequest(
        externalReference,
        new Investor(investorName, "CN", "91310000MA1FL0000X", "invest@example.cn"),
        new Project(
            Sector.BATTERY_RECYCLING,
            "Li-ion battery recycling plant",
            "Full cycle from raw materials to recycling",
            2_500_000_000L,
            320,
            30,
            new BigDecimal("5.0"),
            new BigDecimal("10.0"),
            3),
        documents,
        true,
        true);
  }

  /** The battery-recycling request of the contract, with all documents, from an investor at this contact address. */
  public static NewLocalisationRequest recyclingPlantWithContact(String externalReference, String contactEmail) {
    NewLocalisationRequest plant = recyclingPlant(externalReference);
    var investor = plant.investor();
    return new NewLocalisationRequest(
        plant.externalReference(),
        new Investor(investor.name(), investor.country(), investor.registrationNumber(), contactEmail),
        plant.project(),
        plant.documents(),
        plant.exportSupportRequested(),
        plant.personnelExchangeRequested());
  }

  /** The battery-recycling plant of an investor who asks Mosprom for nothing. */
  public static NewLocalisationRequest recyclingPlantWithoutSupport(String externalReference) {
    NewLocalisationRequest plant = recyclingPlant(externalReference);
    return new NewLocalisationRequest(
        plant.externalReference(), plant.investor(), plant.project(), plant.documents(), false, false);
  }

  /** The battery-recycling plant on a site of the given area: 500 ha fits no site of the demo registry. */
  public static NewLocalisationRequest recyclingPlantOnArea(String externalReference, String requiredAreaHa) {
    NewLocalisationRequest plant = recyclingPlant(externalReference);
    Project project = plant.project();
    return new NewLocalisationRequest(
        plant.externalReference(),
        plant.investor(),
        new Project(
            project.sector(),
            project.title(),
            project.description(),
            project.investmentRub(),
            project.plannedJobs(),
            project.exportSharePercent(),
            new BigDecimal(requiredAreaHa),
            project.requiredPowerMw(),
            project.hazardClass()),
        plant.documents(),
        plant.exportSupportRequested(),
        plant.personnelExchangeRequested());
  }

  /**
   * A small elevator factory of hazard class 5: priority C and no environmental review; the
   * investor asks Mosprom for export support but not for a personnel exchange.
   */
  public static NewLocalisationRequest elevatorFactory(String externalReference) {
    return new NewLocalisationRequest(
        externalReference,
        new Investor("Ge Pai New Energy Co.", "CN", "91310000MA1FL0000X", "invest@example.cn"),
        new Project(
            Sector.ELEVATORS,
            "Elevator assembly plant",
            "Assembly of passenger elevators for Moscow housing",
            200_000_000L,
            60,
            10,
            new BigDecimal("2.0"),
            new BigDecimal("4.0"),
            5),
        List.of(DocumentType.BUSINESS_PLAN, DocumentType.FINANCIAL_STATEMENTS, DocumentType.CORPORATE_DOCUMENTS),
        true,
        false);
  }

  /** The same request as the JSON body an investor portal sends. */
  public static String recyclingPlantJson(String externalReference) {
    return """
        {
          "externalReference": "%s",
          "investor": {"name": "Ge Pai New Energy Co.", "country": "CN",
                       "registrationNumber": "91310000MA1FL0000X", "contactEmail": "invest@example.cn"},
          "project": {"sector": "BATTERY_RECYCLING", "title": "Li-ion battery recycling plant",
                      "description": "Full cycle", "investmentRub": 2500000000, "plannedJobs": 320,
                      "exportSharePercent": 30, "requiredAreaHa": 5.0, "requiredPowerMw": 10.0,
                      "hazardClass": 3},
          "documents": ["BUSINESS_PLAN", "FINANCIAL_STATEMENTS", "CORPORATE_DOCUMENTS",
                        "ENVIRONMENTAL_IMPACT_SUMMARY"],
          "exportSupportRequested": true,
          "personnelExchangeRequested": true
        }
        """
        .formatted(externalReference);
  }
}
