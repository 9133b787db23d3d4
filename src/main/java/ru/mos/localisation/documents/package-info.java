/**
 * Documents: which ones a request needs, the missing-documents loop (delegates
 * {@code checkCompleteness}, {@code requestMissingDocuments}, {@code closeNotSupplied}), and the
 * investor's files: checked by content and limits before any is stored ({@link
 * ru.mos.localisation.documents.DocumentUploads}), stored with their SHA-256 in the transaction of
 * their step behind {@link ru.mos.localisation.documents.DocumentStore} (the database today), served
 * by the investor API's {@code POST}/{@code GET …/documents[/{id}]}. A document counts as filed when
 * its file is stored; the types a JSON body names count too only where {@link
 * ru.mos.localisation.documents.DocumentsProperties} says so (the demo profile); a paper original
 * an official received counts too ({@link ru.mos.localisation.documents.PaperOriginals}). Officials
 * read the list on their task forms ({@link ru.mos.localisation.documents.DocumentLinks}) and open
 * the files in their Tasklist session ({@link ru.mos.localisation.documents.OfficialDocuments}), each
 * opening on the timeline.
 */
package ru.mos.localisation.documents;
