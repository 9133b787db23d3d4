package ru.mos.localisation.documents;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.springframework.core.io.InputStreamSource;

/**
 * What a file is, judged by its content alone (Apache Tika's magic bytes), never by its name or
 * the type its sender declared: a renamed executable stays an executable. Only PDF, DOCX, XLSX,
 * JPEG and PNG are documents.
 */
public final class DocumentFormats {

  public static final String PDF = "application/pdf";
  public static final String JPEG = "image/jpeg";
  public static final String PNG = "image/png";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();
  private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
  private static final Map<MediaType, String> PLAIN =
      Map.of(MediaType.application("pdf"), PDF, MediaType.image("jpeg"), JPEG, MediaType.image("png"), PNG);
  /** How many entries of an Office container are looked at for its main part. */
  private static final int MAX_ENTRIES = 1000;

  private DocumentFormats() {}

  /** The document's content type, or empty when the content is no document we take. */
  public static Optional<String> detect(InputStreamSource file) throws IOException {
    MediaType type;
    try (InputStream in = new BufferedInputStream(file.getInputStream())) {
      // no name in the metadata: the magic bytes alone decide
      type = MAGIC.detect(in, new Metadata());
    }
    if (PLAIN.containsKey(type)) {
      return Optional.of(PLAIN.get(type));
    }
    if (OOXML.equals(type)) {
      return officeDocument(file);
    }
    return Optional.empty();
  }

  /**
   * Tika's core tells an Office Open XML container from any other zip, but not a text document
   * from a spreadsheet: their main parts do ({@code word/document.xml}, {@code xl/workbook.xml}).
   */
  private static Optional<String> officeDocument(InputStreamSource file) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(file.getInputStream()))) {
      ZipEntry entry;
      for (int i = 0; i < MAX_ENTRIES && (entry = zip.getNextEntry()) != null; i++) {
        if (entry.getName().equals("word/document.xml")) {
          return Optional.of(DOCX);
        }
        if (entry.getName().equals("xl/workbook.xml")) {
          return Optional.of(XLSX);
        }
      }
    } catch (java.util.zip.ZipException e) {
      // a broken container is no document
      return Optional.empty();
    }
    return Optional.empty();
  }
}
