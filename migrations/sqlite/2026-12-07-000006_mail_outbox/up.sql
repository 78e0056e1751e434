-- The mail outbox (HEAD 10.13): every mail is written here in the transaction of the change that
-- causes it, and delivered by a worker in each instance, with retries.
--
-- `kind` has no CHECK list on purpose: a new kind of mail needs no migration. `status` does.
-- `message_id` is the RFC 5322 Message-ID fixed at enqueue, the same on every attempt.
-- `headers` holds extra headers as a JSON array of [name, value] pairs. `next_attempt_at` is
-- when the mail is next due; while `sending` it equals `locked_until`, the end of the claim,
-- so one index serves the claim of queued mails and of mails whose instance died mid-send.
-- Bodies are emptied once a mail is sent or failed: they may hold a live reset link.
CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NULL,
    headers TEXT NULL,
    status TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP NULL,
    last_error TEXT NULL,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP NULL,
    CONSTRAINT mail_outbox_message_id_key UNIQUE (message_id)
);
-- The claim: due mails, longest due first.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (status, next_attempt_at);
-- The admin list of one status, newest first.
CREATE INDEX mail_outbox_status_id_idx ON mail_outbox (status, id);
