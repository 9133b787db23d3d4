-- The sites an official may choose from belong to site allocation, which alone writes them: they
-- move out of the registry's table into one of their own (comma-separated ids, best first).
CREATE TABLE site_candidates (
    request_number  VARCHAR(20)  NOT NULL PRIMARY KEY REFERENCES localisation_request (number),
    site_ids        VARCHAR(500) NOT NULL
);

INSERT INTO site_candidates (request_number, site_ids)
    SELECT number, candidate_site_ids FROM localisation_request
    WHERE candidate_site_ids IS NOT NULL AND candidate_site_ids <> '' AND status = 'IN_PROGRESS';

ALTER TABLE localisation_request DROP COLUMN candidate_site_ids;
