package ru.mos.localisation.sites.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ru.mos.localisation.shared.PlainText;

/** Body of {@code POST …/site-offer/answer}: the investor accepts or declines the offered site. */
public record SiteOfferAnswer(@NotNull Boolean accepted, @Size(max = 1000) @PlainText(multiline = true) String comment) {}
