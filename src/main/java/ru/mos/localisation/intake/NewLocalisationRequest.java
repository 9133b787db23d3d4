package ru.mos.localisation.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.shared.PlainText;
import ru.mos.localisation.request.Sector;

/**
 * A request to localise production, exactly as an investor portal sends it. The same record is
 * read from the investor API body and from the {@code request} variable of a start through
 * Camunda's REST API, and validated the same way for both. Text is {@link PlainText}: identifiers
 * by their patterns, names and titles by the annotation, the description keeping line breaks.
 */
public record NewLocalisationRequest(
    @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "must be letters, digits and . _ / -")
        String externalReference,
    @NotNull @Valid Investor investor,
    @NotNull @Valid Project project,
    @NotNull @Size(max = 10) List<@NotNull DocumentType> documents,
    boolean exportSupportRequested,
    boolean personnelExchangeRequested) {

  /** The company that wants to localise production. */
  public record Investor(
      @NotBlank @Size(max = 200) @PlainText String name,
      @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
      @NotBlank
          @Size(max = 50)
          @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits and -")
          String registrationNumber,
      @NotBlank @Email @Size(max = 254) @PlainText String contactEmail) {}

  /** The production the investor wants to place in Moscow. */
  public record Project(
      @NotNull Sector sector,
      @NotBlank @Size(max = 200) @PlainText String title,
      @Size(max = 4000) @PlainText(multiline = true) String description,
      @NotNull @Positive @Max(10_000_000_000_000L) Long investmentRub,
      @NotNull @Min(0) @Max(1_000_000) Integer plannedJobs,
      @NotNull @Min(0) @Max(100) Integer exportSharePercent,
      @NotNull @DecimalMin("0.01") @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
          BigDecimal requiredAreaHa,
      @NotNull @DecimalMin("0.01") @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
          BigDecimal requiredPowerMw,
      @NotNull @Min(1) @Max(5) Integer hazardClass) {}
}
