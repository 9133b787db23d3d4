package ru.mos.localisation.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.shared.InvalidInputException;

/**
 * The file parts of a multipart call as uploads: each part is named by its document type
 * ({@code BUSINESS_PLAN}, …); a part of another name is invalid (400), so is a document type sent
 * as a text field instead of a file.
 */
public final class DocumentParts {

  private DocumentParts() {}

  /**
   * @param files the call's file parts by name
   * @param fields the call's text fields by name
   * @param otherParts the names of parts the endpoint reads itself (the intake's {@code request})
   */
  public static List<Upload> of(
      MultiValueMap<String, MultipartFile> files, Set<String> fields, Set<String> otherParts) {
    for (String field : fields) {
      if (!otherParts.contains(field)) {
        throw InvalidInputException.of(field, "must be a file part named by its document type");
      }
    }
    List<Upload> uploads = new ArrayList<>();
    files.forEach(
        (name, parts) -> {
          if (otherParts.contains(name)) {
            return;
          }
          DocumentType type = type(name);
          for (MultipartFile part : parts) {
            uploads.add(new Upload(type, part.getOriginalFilename(), part.getSize(), part));
          }
        });
    return uploads;
  }

  private static DocumentType type(String partName) {
    try {
      return DocumentType.valueOf(partName);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(
          FileNames.bare(partName), "is no document type; one of " + List.of(DocumentType.values()));
    }
  }
}
