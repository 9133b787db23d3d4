package ru.mos.localisation.documents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.mos.localisation.request.DocumentType;

/** The paper originals received for requests, table {@code paper_original}; writes join the caller's transaction. */
@Repository
public class PaperOriginals {

  private final JdbcClient jdbc;
  private final Clock clock;

  public PaperOriginals(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the original of a type once: a second receipt of the same type keeps the first. */
  public boolean record(String requestNumber, DocumentType type, String official) {
    return jdbc.sql(
                """
                INSERT INTO paper_original (request_number, document_type, received_by, received_at)
                SELECT ?, ?, ?, ? WHERE NOT EXISTS
                  (SELECT 1 FROM paper_original WHERE request_number = ? AND document_type = ?)
                """)
            .params(requestNumber, type.name(), official, OffsetDateTime.now(clock), requestNumber, type.name())
            .update()
        == 1;
  }

  /** A request's paper originals, in the order of {@link DocumentType}. */
  public List<PaperOriginal> list(String requestNumber) {
    return jdbc.sql("SELECT document_type, received_by, received_at FROM paper_original WHERE request_number = ?")
        .param(requestNumber)
        .query(
            (rs, row) ->
                new PaperOriginal(
                    DocumentType.valueOf(rs.getString("document_type")),
                    rs.getString("received_by"),
                    rs.getObject("received_at", OffsetDateTime.class)))
        .list()
        .stream()
        .sorted(Comparator.comparing(PaperOriginal::type))
        .toList();
  }
}
