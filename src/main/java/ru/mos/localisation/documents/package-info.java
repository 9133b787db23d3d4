/**
 * Documents: which ones a request needs, the missing-documents loop (delegates
 * {@code checkCompleteness}, {@code requestMissingDocuments}, {@code closeNotSupplied}) and the
 * investor API's {@code POST …/documents}.
 */
package ru.mos.localisation.documents;
