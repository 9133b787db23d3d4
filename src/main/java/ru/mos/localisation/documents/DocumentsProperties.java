package ru.mos.localisation.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How documents count as filed.
 *
 * @param announcedCountAsFiled whether the document types a JSON body names (at intake, or the JSON
 *     form of {@code POST …/documents}) count as filed without their files, as before files were
 *     uploaded: off by default (the product's contract: a document counts once its file is stored),
 *     on in the demo profile for the clients, benchmark and tests that send JSON only
 */
@ConfigurationProperties("localisation.documents")
public record DocumentsProperties(boolean announcedCountAsFiled) {}
