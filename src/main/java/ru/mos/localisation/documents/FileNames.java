package ru.mos.localisation.documents;

/**
 * A file name as sent, reduced to a bare name that is safe to store and to send back in a
 * {@code Content-Disposition}: no directories, no control or direction-changing characters.
 */
public final class FileNames {

  static final int MAX_LENGTH = 255;
  static final String FALLBACK = "document";

  private FileNames() {}

  public static String bare(String sent) {
    if (sent == null) {
      return FALLBACK;
    }
    // browsers on Windows used to send the whole path; either separator ends a directory
    String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
        .forEach(kept::appendCodePoint);
    String bare = kept.toString().strip();
    while (bare.startsWith(".")) {
      bare = bare.substring(1);
    }
    if (bare.length() > MAX_LENGTH) {
      bare = bare.substring(bare.length() - MAX_LENGTH);
    }
    return bare.isBlank() ? FALLBACK : bare;
  }
}
