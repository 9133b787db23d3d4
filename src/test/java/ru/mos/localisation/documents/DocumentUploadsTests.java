package ru.mos.localisation.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamSource;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.shared.TooLargeException;

/** The checks of an upload that need no web and no database: formats, names, limits. */
class DocumentUploadsTests {

  private final DocumentUploads uploads =
      new DocumentUploads(mock(DocumentStore.class), mock(RequestRegistry.class), mock(DocumentsService.class));

  /** A file whose content must not be read: the limits decide on the announced size alone. */
  private static final InputStreamSource UNREAD =
      () -> {
        throw new IOException("the content of a refused file is never read");
      };

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "business-plan.pdf,                application/pdf",
    "environmental-impact-summary.pdf, application/pdf",
    "licence.png,                      image/png",
    "corporate-documents.docx,         application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "financial-statements.xlsx,        application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  })
  void theRepositorysSamplesAreDocumentsOfTheirKind(String sample, String contentType) throws IOException {
    assertThat(DocumentFormats.detect(new FileSystemResource(Path.of("samples", sample)))).contains(contentType);
  }

  @Test
  void aJpegIsADocumentByItsMagicBytes() throws IOException {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
    assertThat(DocumentFormats.detect(new org.springframework.core.io.ByteArrayResource(jpeg))).contains("image/jpeg");
  }

  @Test
  void theRequestJsonSampleIsNoDocument() throws IOException {
    assertThat(DocumentFormats.detect(new FileSystemResource(Path.of("samples", "request.json")))).isEmpty();
  }

  @Test
  void filesOverOneHundredMebibytesInOneCallAreTooLarge() {
    long seventeenMiB = 17L * 1024 * 1024;
    List<Upload> six = Collections.nCopies(6, new Upload(DocumentType.LICENCES, "licence.pdf", seventeenMiB, UNREAD));

    assertThatThrownBy(() -> uploads.check(six)).isInstanceOf(TooLargeException.class);
  }

  @Test
  void anEmptyFileIsInvalidNamingItsType() {
    assertThatThrownBy(() -> uploads.check(List.of(new Upload(DocumentType.LICENCES, "licence.pdf", 0, UNREAD))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("LICENCES");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plan.pdf                       | plan.pdf",
        "C:\\fakepath\\plan.pdf         | plan.pdf",
        "../../etc/passwd               | passwd",
        "'  .hidden.pdf '               | hidden.pdf",
        "'evil\u0000\r\nname.pdf'       | evilname.pdf",
        "'invoice\u202Efdp.exe'         | invoicefdp.exe",
        "'/'                            | document",
        "''                             | document"
      })
  void fileNamesAreKeptAsBareNames(String sent, String kept) {
    assertThat(FileNames.bare(sent)).isEqualTo(kept);
  }
}
