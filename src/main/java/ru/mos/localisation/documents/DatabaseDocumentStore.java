package ru.mos.localisation.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import ru.mos.localisation.request.DocumentType;

/**
 * The investors' files in the application's database, table {@code request_document}: a BLOB on
 * H2, bytea on PostgreSQL. Writes join the caller's transaction, so a file is stored together with
 * the step it belongs to, or not at all.
 */
@Repository
public class DatabaseDocumentStore implements DocumentStore {

  private static final RowMapper<StoredDocument> DOCUMENT =
      (rs, row) ->
          new StoredDocument(
              rs.getString("id"),
              rs.getString("request_number"),
              DocumentType.valueOf(rs.getString("document_type")),
              rs.getString("file_name"),
              rs.getString("content_type"),
              rs.getLong("size_bytes"),
              rs.getString("sha256"),
              rs.getObject("uploaded_at", OffsetDateTime.class));

  private static final String COLUMNS =
      "id, request_number, document_type, file_name, content_type, size_bytes, sha256, uploaded_at";

  /** A slice of a file read from PostgreSQL at once. */
  private static final int CHUNK_BYTES = 1024 * 1024;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  /** Which database this is, found out on the first download. */
  private volatile Boolean postgres;

  public DatabaseDocumentStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public StoredDocument store(
      String requestNumber, DocumentType type, String fileName, String contentType, long sizeBytes, InputStream content)
      throws IOException {
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now(clock);
    MessageDigest sha256 = sha256();
    CountingInputStream counted = new CountingInputStream(new DigestInputStream(content, sha256));
    // the driver streams the content into the statement (with its length given up front); the
    // digest is known only once it has been read, so it follows in a second statement
    jdbc.update(
        "INSERT INTO request_document (" + COLUMNS + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, id);
          ps.setString(2, requestNumber);
          ps.setString(3, type.name());
          ps.setString(4, fileName);
          ps.setString(5, contentType);
          ps.setLong(6, sizeBytes);
          ps.setString(7, "0".repeat(64));
          ps.setObject(8, now);
          ps.setBinaryStream(9, counted, sizeBytes);
        });
    if (counted.count != sizeBytes) {
      throw new IOException("File %s: %d bytes announced, %d read".formatted(fileName, sizeBytes, counted.count));
    }
    String digest = HexFormat.of().formatHex(sha256.digest());
    jdbc.update("UPDATE request_document SET sha256 = ? WHERE id = ?", digest, id);
    return new StoredDocument(id, requestNumber, type, fileName, contentType, sizeBytes, digest, now);
  }

  @Override
  public List<StoredDocument> list(String requestNumber) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM request_document WHERE request_number = ? ORDER BY uploaded_at, id",
        DOCUMENT,
        requestNumber);
  }

  @Override
  public Optional<StoredDocument> find(String requestNumber, String id) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM request_document WHERE request_number = ? AND id = ?",
            DOCUMENT,
            requestNumber,
            id)
        .stream()
        .findFirst();
  }

  @Override
  public void copyContent(String id, OutputStream target) throws IOException {
    if (postgres()) {
      copyInChunks(id, target);
      return;
    }
    // H2 hands out a BLOB as a stream from its LOB storage
    try {
      jdbc.query(
          "SELECT content FROM request_document WHERE id = ?",
          rs -> {
            try (InputStream content = rs.getBinaryStream(1)) {
              content.transferTo(target);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          },
          id);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * PostgreSQL's driver reads a bytea value whole (and as hex text, three times its size), so the
   * file is read in slices; the column is stored uncompressed (V5), so each slice is read alone.
   */
  private void copyInChunks(String id, OutputStream target) throws IOException {
    Long size = jdbc.queryForObject("SELECT size_bytes FROM request_document WHERE id = ?", Long.class, id);
    for (long offset = 0; size != null && offset < size; offset += CHUNK_BYTES) {
      byte[] chunk =
          jdbc.queryForObject(
              "SELECT substring(content FROM ? FOR ?) FROM request_document WHERE id = ?",
              byte[].class,
              Math.toIntExact(offset + 1),
              CHUNK_BYTES,
              id);
      target.write(chunk);
    }
  }

  private boolean postgres() {
    Boolean postgres = this.postgres;
    if (postgres == null) {
      postgres =
          jdbc.execute(
              (ConnectionCallback<Boolean>)
                  connection -> connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL"));
      this.postgres = postgres;
    }
    return Boolean.TRUE.equals(postgres);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  /** Counts what the driver read, to catch a part shorter or longer than announced. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
