-- The investor's files, kept as long as the request and its history. PostgreSQL keeps the
-- content as bytea, out of line and uncompressed (STORAGE EXTERNAL: documents are mostly compressed
-- already, and a slice of an uncompressed value is read without the rest, which downloads rely on);
-- H2's migration of the same version uses a BLOB. The SHA-256 is of the bytes as received.
CREATE TABLE request_document (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    request_number  VARCHAR(20)   NOT NULL REFERENCES localisation_request (number),
    document_type   VARCHAR(40)   NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    content         BYTEA         NOT NULL
);

ALTER TABLE request_document ALTER COLUMN content SET STORAGE EXTERNAL;

CREATE INDEX request_document_by_request ON request_document (request_number, uploaded_at);
