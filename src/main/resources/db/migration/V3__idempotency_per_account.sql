-- Idempotent intake per account. The key was (registration number, external reference), so an
-- account that filed a reference under another company's registration number first blocked the
-- rightful account and learned from its 409 that the reference existed. Now the key is the
-- account that filed the request: one account's references never block or reveal another's.

-- The account whose external reference this request answers for; NULL when it answers for none
-- (a start without an account, or a request filed again under another registration number before
-- this migration: the oldest of those keeps the key, the others stay as they are).
ALTER TABLE localisation_request ADD COLUMN idempotency_account VARCHAR(64);

UPDATE localisation_request r SET idempotency_account = submitted_by
WHERE submitted_by IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM localisation_request earlier
    WHERE earlier.submitted_by = r.submitted_by
      AND earlier.external_reference = r.external_reference
      AND (earlier.created_at < r.created_at
           OR (earlier.created_at = r.created_at AND earlier.number < r.number)));

ALTER TABLE localisation_request DROP CONSTRAINT uq_request_external_reference;

-- decides between racing intakes of the same reference by the same account
ALTER TABLE localisation_request
  ADD CONSTRAINT uq_request_account_reference UNIQUE (idempotency_account, external_reference);
