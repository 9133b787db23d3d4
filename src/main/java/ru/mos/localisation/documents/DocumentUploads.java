package ru.mos.localisation.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.shared.ConflictException;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.shared.TooLargeException;
import ru.mos.localisation.shared.UnsupportedContentException;

/**
 * The investor's files: checked as a whole before any is stored (all or nothing per call), then
 * stored in the transaction of the step they belong to — the intake's start, or a supply of
 * documents to a running request.
 */
@Service
public class DocumentUploads {

  /** The multipart limits (spring.servlet.multipart) say the same; this is the rule, they the guard. */
  public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
  public static final long MAX_CALL_BYTES = 100L * 1024 * 1024;
  public static final int MAX_FILES = 50;

  private final DocumentStore store;
  private final RequestRegistry registry;
  private final DocumentsService documents;

  public DocumentUploads(DocumentStore store, RequestRegistry registry, DocumentsService documents) {
    this.store = store;
    this.registry = registry;
    this.documents = documents;
  }

  /** A file that passed the checks, with the content type its content showed and its bare name. */
  public record CheckedFile(Upload upload, String fileName, String contentType) {}

  /**
   * Checks every file of a call before anything is stored: an empty file is invalid (400), too many
   * or too large ones are too large (413), content that is no document is unsupported (415).
   */
  public List<CheckedFile> check(List<Upload> uploads) {
    if (uploads.size() > MAX_FILES) {
      throw new TooLargeException("At most %d files per call, %d sent".formatted(MAX_FILES, uploads.size()));
    }
    long total = 0;
    for (Upload upload : uploads) {
      if (upload.sizeBytes() <= 0) {
        throw InvalidInputException.of(upload.type().name(), "file '%s' is empty".formatted(FileNames.bare(upload.fileName())));
      }
      if (upload.sizeBytes() > MAX_FILE_BYTES) {
        throw new TooLargeException("File '%s' exceeds %d bytes".formatted(FileNames.bare(upload.fileName()), MAX_FILE_BYTES));
      }
      total += upload.sizeBytes();
    }
    if (total > MAX_CALL_BYTES) {
      throw new TooLargeException("The files of one call exceed %d bytes".formatted(MAX_CALL_BYTES));
    }
    List<CheckedFile> checked = new ArrayList<>();
    for (Upload upload : uploads) {
      String name = FileNames.bare(upload.fileName());
      String contentType =
          detect(upload)
              .orElseThrow(
                  () ->
                      new UnsupportedContentException(
                          "File '%s' is not a PDF, DOCX, XLSX, JPEG or PNG document".formatted(name)));
      checked.add(new CheckedFile(upload, name, contentType));
    }
    return checked;
  }

  /** Stores checked files of a request in the caller's transaction. */
  public List<StoredDocument> store(String requestNumber, List<CheckedFile> files) {
    List<StoredDocument> stored = new ArrayList<>();
    for (CheckedFile file : files) {
      Upload upload = file.upload();
      try (InputStream content = upload.content().getInputStream()) {
        stored.add(store.store(requestNumber, upload.type(), file.fileName(), file.contentType(), upload.sizeBytes(), content));
      } catch (IOException e) {
        // the part's temporary file vanished or the database failed mid-stream: nothing of this call stays
        throw new UncheckedIOException(e);
      }
    }
    return stored;
  }

  /**
   * The investor files documents for a running request: stored, then the request counts them as
   * filed; one that waits for documents moves on (DocumentsService#filed). A request that has
   * ended takes no more (409).
   */
  @Transactional
  public List<StoredDocument> supply(String requestNumber, List<Upload> uploads) {
    if (uploads.isEmpty()) {
      throw InvalidInputException.of("documents", "at least one file part named by its document type");
    }
    // in turn with an official confirming the missing documents (DocumentsService#requestMissing)
    LocalisationRequest request = registry.getForUpdate(requestNumber);
    if (request.status() != RequestStatus.IN_PROGRESS) {
      throw new ConflictException("Request %s has ended: it takes no more documents".formatted(requestNumber));
    }
    List<StoredDocument> stored = store(requestNumber, check(uploads));
    documents.filed(requestNumber, types(uploads));
    return stored;
  }

  private static Optional<String> detect(Upload upload) {
    try {
      return DocumentFormats.detect(upload.content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document types of a call's files, each once, in the order they came. */
  public static List<DocumentType> types(List<Upload> uploads) {
    return uploads.stream().map(Upload::type).distinct().toList();
  }
}
