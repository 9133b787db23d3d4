package ru.mos.localisation.documents;

import java.time.OffsetDateTime;
import ru.mos.localisation.request.DocumentType;

/** A paper original an official received for a request: it counts as filed, without a file. */
public record PaperOriginal(DocumentType type, String receivedBy, OffsetDateTime receivedAt) {}
