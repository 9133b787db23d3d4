package ru.mos.localisation.documents.web;

import java.time.OffsetDateTime;
import java.util.List;
import ru.mos.localisation.documents.StoredDocument;
import ru.mos.localisation.request.DocumentType;

/** A request's stored files as the investor API lists them: {@code {"documents": [...]}}. */
public record DocumentsView(List<Document> documents) {

  /** One stored file; its bytes are at {@code …/documents/{id}}. */
  public record Document(
      String id,
      DocumentType type,
      String fileName,
      String contentType,
      long sizeBytes,
      String sha256,
      OffsetDateTime uploadedAt) {}

  static DocumentsView of(List<StoredDocument> stored) {
    return new DocumentsView(
        stored.stream()
            .map(
                d ->
                    new Document(
                        d.id(), d.type(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), d.uploadedAt()))
            .toList());
  }
}
