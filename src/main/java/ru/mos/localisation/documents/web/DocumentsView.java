package ru.mos.localisation.documents.web;

import java.time.OffsetDateTime;
import java.util.List;
import ru.mos.localisation.documents.PaperOriginal;
import ru.mos.localisation.documents.StoredDocument;
import ru.mos.localisation.request.DocumentType;

/**
 * A request's stored files as the investor API lists them: {@code {"documents": [...]}}, and the
 * paper originals the city received instead of a file ({@code "paperOriginals"}).
 */
public record DocumentsView(List<Document> documents, List<PaperOriginalView> paperOriginals) {

  /** One stored file; its bytes are at {@code …/documents/{id}}. */
  public record Document(
      String id,
      DocumentType type,
      String fileName,
      String contentType,
      long sizeBytes,
      String sha256,
      OffsetDateTime uploadedAt) {}

  /** A document the city received on paper: it counts as filed, and has no bytes here. */
  public record PaperOriginalView(DocumentType type, OffsetDateTime receivedAt) {}

  static DocumentsView of(List<StoredDocument> stored) {
    return of(stored, List.of());
  }

  static DocumentsView of(List<StoredDocument> stored, List<PaperOriginal> originals) {
    return new DocumentsView(
        stored.stream()
            .map(
                d ->
                    new Document(
                        d.id(), d.type(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), d.uploadedAt()))
            .toList(),
        originals.stream().map(o -> new PaperOriginalView(o.type(), o.receivedAt())).toList());
  }
}
