package ru.mos.localisation.outcome.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import ru.mos.localisation.shared.PlainText;

/** Body of {@code POST …/withdrawal}: why the investor withdraws the request. */
public record Withdrawal(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason) {}
