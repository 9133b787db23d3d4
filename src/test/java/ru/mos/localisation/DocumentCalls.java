package ru.mos.localisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The investor API's document calls over real HTTP: multipart bodies streamed from files (as curl
 * sends them), downloads read as bytes or digested as a stream.
 */
public final class DocumentCalls {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  public DocumentCalls(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** One part of a multipart body: a file (read as it is sent) or a JSON text. */
  public record Part(String name, String fileName, String contentType, Path file, String text) {
    public static Part file(String name, Path file) {
      return new Part(name, file.getFileName().toString(), "application/octet-stream", file, null);
    }

    public static Part sample(String name, String sample) {
      return file(name, Path.of("samples", sample));
    }

    public static Part json(String name, String json) {
      return new Part(name, null, "application/json", null, json);
    }
  }

  /** An HTTP answer: status, headers, the body as bytes and, when it is JSON, parsed. */
  public record Answer(int status, HttpHeaders headers, byte[] bytes) {
    public JsonNode json() {
      try {
        return bytes.length == 0 ? MissingNode.getInstance() : JSON.readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }
  }

  public Answer postMultipart(String user, String path, List<Part> parts) {
    String boundary = "----localisation-" + UUID.randomUUID();
    List<BodyPublisher> body = new ArrayList<>();
    for (Part part : parts) {
      StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
      if (part.fileName() != null) {
        head.append("; filename=\"").append(part.fileName()).append('"');
      }
      head.append("\r\nContent-Type: ").append(part.contentType()).append("\r\n\r\n");
      body.add(BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8));
      try {
        body.add(part.file() != null ? BodyPublishers.ofFile(part.file()) : BodyPublishers.ofString(part.text()));
      } catch (FileNotFoundException e) {
        throw new UncheckedIOException(e);
      }
      body.add(BodyPublishers.ofString("\r\n"));
    }
    body.add(BodyPublishers.ofString("--" + boundary + "--\r\n"));
    return send(
        request(user, path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.concat(body.toArray(BodyPublisher[]::new)))
            .build());
  }

  public Answer get(String user, String path) {
    return send(request(user, path).GET().build());
  }

  /** Downloads a file as a stream, never whole: its SHA-256 and length. */
  public Digest digestOf(String user, String path) {
    try {
      var response = http.send(request(user, path).GET().build(), BodyHandlers.ofInputStream());
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      long size = 0;
      try (InputStream in = new DigestInputStream(response.body(), sha256)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          size += n;
        }
      }
      return new Digest(response.statusCode(), HexFormat.of().formatHex(sha256.digest()), size);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("GET " + path + " interrupted", e);
    }
  }

  /** What a streamed download came to. */
  public record Digest(int status, String sha256, long sizeBytes) {}

  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid PDF start followed by padding up to {@code size} bytes, written without holding it. */
  public static Path pdf(Path file, long size) throws IOException {
    byte[] head = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(head);
      byte[] chunk = new byte[64 * 1024];
      new java.util.Random(42).nextBytes(chunk);
      for (long written = head.length; written < size; ) {
        int n = (int) Math.min(chunk.length, size - written);
        out.write(chunk, 0, n);
        written += n;
      }
    }
    return file;
  }

  private HttpRequest.Builder request(String user, String path) {
    // every demo investor's password is "demo"
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(TIMEOUT)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  private Answer send(HttpRequest request) {
    try {
      var response = http.send(request, BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
    }
  }
}
