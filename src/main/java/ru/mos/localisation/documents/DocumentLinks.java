package ru.mos.localisation.documents;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.security.SecurityConfiguration;

/**
 * A request's documents as officials read them in a task form: a Russian markdown list, one line
 * per file with a link that opens it in the same Tasklist session ({@code web.OfficialDocumentsController}),
 * the paper originals received, and what is still missing. Forms show it with a text component
 * ({@code {{documentLinks}}}).
 */
@Component
public class DocumentLinks {

  /** The task-local variable a form's text component shows. */
  public static final String VARIABLE = "documentLinks";

  /** Where an official opens a file: {@code …/requests/{number}/documents/{id}}. */
  public static final String PATH = SecurityConfiguration.OFFICIALS_PATH + "/requests/{number}/documents/{id}";

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  /** What markdown would read as markup (and feelers' braces): shown as written instead. */
  private static final Pattern MARKUP = Pattern.compile("[\\\\`*_{}\\[\\]()<>#+\\-.!|~]");

  private final DocumentStore store;
  private final PaperOriginals paperOriginals;
  private final RequestRegistry registry;

  public DocumentLinks(DocumentStore store, PaperOriginals paperOriginals, RequestRegistry registry) {
    this.store = store;
    this.paperOriginals = paperOriginals;
    this.registry = registry;
  }

  /** The list for a request's task forms, as of now. */
  public String markdown(String number) {
    List<StoredDocument> files = store.list(number);
    List<PaperOriginal> originals = paperOriginals.list(number);
    StringBuilder text = new StringBuilder();
    for (StoredDocument file : files) {
      text.append("- **").append(file.type().titleRu()).append("**: [").append(escape(file.fileName())).append("](")
          .append(PATH.replace("{number}", number).replace("{id}", file.id())).append(") — ")
          .append(size(file.sizeBytes())).append(", загружен ").append(when(file.uploadedAt())).append('\n');
    }
    for (PaperOriginal original : originals) {
      text.append("- **").append(original.type().titleRu()).append("**: бумажный оригинал получен ")
          .append(when(original.receivedAt())).append(" (").append(escape(original.receivedBy())).append(")\n");
    }
    if (files.isEmpty() && originals.isEmpty()) {
      text.append("Документы не представлены.\n");
    }
    registry.find(number).map(LocalisationRequest::missingDocuments).filter(missing -> !missing.isEmpty())
        .ifPresent(missing -> text.append("\nНе представлены: ").append(titles(missing)).append(".\n"));
    return text.toString();
  }

  static String size(long bytes) {
    DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("ru")));
    if (bytes < 1024) {
      return bytes + " Б";
    }
    if (bytes < 1024 * 1024) {
      return format.format(bytes / 1024.0) + " КБ";
    }
    return format.format(bytes / (1024.0 * 1024)) + " МБ";
  }

  private static String when(OffsetDateTime at) {
    return WHEN.format(at.atZoneSameInstant(MOSCOW));
  }

  private static String titles(List<DocumentType> types) {
    return types.stream().map(DocumentType::titleRu).collect(Collectors.joining(", "));
  }

  static String escape(String text) {
    return MARKUP.matcher(text).replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
  }
}
