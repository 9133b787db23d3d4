package ru.mos.localisation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Multipart bodies as curl sends them ({@code -F name=@file}), for {@link HttpTestClient}, and the
 * files the document tests send: the repository's samples, large PDFs, their digests.
 */
public final class Multipart {

  private Multipart() {}

  /** One part: a file or a JSON text. */
  public record Part(String name, String fileName, String contentType, byte[] content) {
    public static Part file(String name, Path file) {
      try {
        return new Part(name, file.getFileName().toString(), "application/octet-stream", Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A file of the repository's {@code samples/}. */
    public static Part sample(String name, String sample) {
      return file(name, Path.of("samples", sample));
    }

    public static Part json(String name, String json) {
      return new Part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** POSTs the parts as {@code multipart/form-data}, with their Content-Length. */
  public static HttpTestClient.Reply post(HttpTestClient client, String path, List<Part> parts) {
    String boundary = "----localisation-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
      if (part.fileName() != null) {
        head.append("; filename=\"").append(part.fileName()).append('"');
      }
      head.append("\r\nContent-Type: ").append(part.contentType()).append("\r\n\r\n");
      body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return client.request("POST", path).body("multipart/form-data; boundary=" + boundary, body.toByteArray()).send();
  }

  /** A valid PDF start followed by padding up to {@code size} bytes. */
  public static Path pdf(Path file, long size) throws IOException {
    byte[] head = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(head);
      byte[] chunk = new byte[64 * 1024];
      new Random(42).nextBytes(chunk);
      for (long written = head.length; written < size; ) {
        int n = (int) Math.min(chunk.length, size - written);
        out.write(chunk, 0, n);
        written += n;
      }
    }
    return file;
  }

  public static String sha256(Path file) {
    try {
      return sha256(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
