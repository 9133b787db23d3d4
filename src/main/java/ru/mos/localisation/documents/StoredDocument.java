package ru.mos.localisation.documents;

import java.time.OffsetDateTime;
import ru.mos.localisation.request.DocumentType;

/** A file an investor filed for a request, as stored: what it is, never its bytes. */
public record StoredDocument(
    String id,
    String requestNumber,
    DocumentType type,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    OffsetDateTime uploadedAt) {}
