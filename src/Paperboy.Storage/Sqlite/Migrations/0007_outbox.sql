-- The mail outbox (docs/EMAIL.md): every message is rendered once and stored here, then sent by one
-- sender at a time with bounded retries. dedupe_key makes queueing the same digest twice a no-op.
-- state: queued -> sending -> sent, or back to queued (a 4xx, no connection), or failed (a 5xx, a
-- suppressed address, out of attempts). message_id is the same on every attempt, so a receiver
-- can recognise a repeat.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key      TEXT NOT NULL UNIQUE,
    recipient       TEXT NOT NULL,          -- normalized address
    subject         TEXT NOT NULL,
    text_body       TEXT NOT NULL,
    html_body       TEXT,
    headers         TEXT NOT NULL,          -- JSON object of extra headers (List-Unsubscribe, ...)
    message_id      TEXT NOT NULL,          -- <...@...>
    queued_at       TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    sent_at         TEXT,
    last_error      TEXT
) STRICT;

-- What a sender asks for: the due queued rows in order, and any row left sending.
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);

-- Addresses a server refused permanently (a 5xx to RCPT or DATA): nothing more is sent to them.
CREATE TABLE mail_suppressions (
    address     TEXT PRIMARY KEY,           -- normalized address
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
