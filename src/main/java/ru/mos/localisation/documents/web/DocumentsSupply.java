package ru.mos.localisation.documents.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import ru.mos.localisation.request.DocumentType;

/** Body of {@code POST …/documents}: the documents the investor now supplies. */
public record DocumentsSupply(@NotEmpty @Size(max = 10) List<@NotNull DocumentType> documents) {}
