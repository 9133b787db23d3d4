package ru.mos.localisation.documents;

import org.springframework.core.io.InputStreamSource;
import ru.mos.localisation.request.DocumentType;

/**
 * One file of an upload as it arrived, not yet checked: its type (the part's name), the name its
 * sender gave it, its size, and where to read it from (a multipart part, on disk above a threshold).
 */
public record Upload(DocumentType type, String fileName, long sizeBytes, InputStreamSource content) {}
