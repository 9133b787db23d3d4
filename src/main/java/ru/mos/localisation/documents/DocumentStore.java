package ru.mos.localisation.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import ru.mos.localisation.request.DocumentType;

/**
 * Where the investors' files live. Today the application's database ({@link DatabaseDocumentStore}),
 * writing in the caller's transaction; an S3-compatible store could take its place behind this
 * interface. Content is streamed both ways, never held whole.
 */
public interface DocumentStore {

  /**
   * Stores one file, reading {@code content} to its end.
   *
   * @param sizeBytes the length of {@code content}, known before it is read (the part's size)
   */
  StoredDocument store(
      String requestNumber, DocumentType type, String fileName, String contentType, long sizeBytes, InputStream content)
      throws IOException;

  /** A request's files, oldest first. */
  List<StoredDocument> list(String requestNumber);

  /** One file of a request; empty when the id is unknown or belongs to another request. */
  Optional<StoredDocument> find(String requestNumber, String id);

  /** Writes a stored file's bytes to {@code target}. */
  void copyContent(String id, OutputStream target) throws IOException;
}
