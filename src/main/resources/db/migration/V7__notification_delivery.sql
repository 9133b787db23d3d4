-- Notifications leave by e-mail (issue 13). The outbox row stays the source of truth: the relay
-- (notification.NotificationRelay) claims a due row with FOR UPDATE SKIP LOCKED, sends it and
-- records the outcome in the same transaction. Plain SQL that runs unchanged on PostgreSQL and H2.

-- the letter is written from templates when the step commits: HTML beside the plain text (body)
ALTER TABLE investor_notification ALTER COLUMN subject SET DATA TYPE VARCHAR(1000);
ALTER TABLE investor_notification ALTER COLUMN body SET DATA TYPE VARCHAR(100000);
ALTER TABLE investor_notification ADD COLUMN body_html VARCHAR(200000);

-- PENDING (waiting or retrying), SENT, FAILED (retries used up: an operator retries it)
ALTER TABLE investor_notification ADD COLUMN status VARCHAR(20) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE investor_notification ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE investor_notification ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE investor_notification ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE investor_notification ADD COLUMN failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE investor_notification ADD COLUMN last_error VARCHAR(1000);
-- the stable Message-ID of the letter, so that a repeat after a crash is recognisable
ALTER TABLE investor_notification ADD COLUMN message_id VARCHAR(200);
-- the node that sent it
ALTER TABLE investor_notification ADD COLUMN sent_by VARCHAR(100);
ALTER TABLE investor_notification ADD CONSTRAINT ck_notification_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'));

-- rows written before: waiting, due now
UPDATE investor_notification SET next_attempt_at = created_at WHERE sent_at IS NULL;
UPDATE investor_notification SET status = 'SENT' WHERE sent_at IS NOT NULL;

-- the relay's query: due pending rows, oldest first
DROP INDEX ix_notification_unsent;
CREATE INDEX ix_notification_due ON investor_notification (status, next_attempt_at, id);
