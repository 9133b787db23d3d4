-- The investor's files, kept as long as the request and its history. H2 keeps the content as a
-- BLOB (streamed into its LOB storage); PostgreSQL's migration of the same version uses bytea.
-- The SHA-256 is of the bytes as received.
CREATE TABLE request_document (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    request_number  VARCHAR(20)   NOT NULL REFERENCES localisation_request (number),
    document_type   VARCHAR(40)   NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    content         BLOB          NOT NULL
);

CREATE INDEX request_document_by_request ON request_document (request_number, uploaded_at);
