package ru.mos.localisation.documents.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import ru.mos.localisation.documents.DocumentStore;
import ru.mos.localisation.documents.StoredDocument;

/** A stored file sent as an attachment: never shown inline, whatever it claims to be. */
final class Attachments {

  private Attachments() {}

  /** Streams the file's bytes with its content type, length and a safe name. */
  static void send(StoredDocument document, DocumentStore store, HttpServletResponse response) throws IOException {
    response.setContentType(document.contentType());
    response.setContentLengthLong(document.sizeBytes());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(document.fileName()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    store.copyContent(document.id(), response.getOutputStream());
  }

  /**
   * {@code attachment} with the name twice (RFC 6266): plain ASCII for every client, and exactly,
   * percent-encoded UTF-8, for those that read {@code filename*}. The name is already bare
   * (FileNames): no path, no control characters.
   */
  static String contentDisposition(String fileName) {
    String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
    String encoded =
        URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
