-- Who caused a timeline event, where an official did (a decision, a document opened, a paper
-- original received); empty for the investor's own steps and the process's automatic ones.
ALTER TABLE request_event ADD COLUMN actor VARCHAR(64);

-- Paper originals an official received for a request (missing-documents task): such a document
-- counts as filed although no file is stored. One row per request and document type.
CREATE TABLE paper_original (
    request_number  VARCHAR(20)  NOT NULL REFERENCES localisation_request (number),
    document_type   VARCHAR(40)  NOT NULL,
    received_by     VARCHAR(64)  NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_number, document_type)
);
