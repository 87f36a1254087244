-- The mail outbox and suppressed addresses (docs/EMAIL.md), as SQLite's migration 0007 has them, plus
-- the claim: several nodes send at once, each taking rows with FOR UPDATE SKIP LOCKED and marking them
-- sending under its own name (claimed_by) until claimed_until. A row still sending after its lease ran
-- out was left by a node that died, and another node takes it over.
CREATE TABLE outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedupe_key      text COLLATE "C" NOT NULL UNIQUE,
    recipient       text NOT NULL,          -- normalized address
    subject         text NOT NULL,
    text_body       text NOT NULL,
    html_body       text,
    headers         json NOT NULL,          -- json, not jsonb: the extra headers keep the order they were given in
    message_id      text NOT NULL,          -- <...@...>
    queued_at       timestamptz NOT NULL,
    state           text NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    last_error      text,
    claimed_by      text,                   -- the sending store instance: host/process/random
    claimed_until   timestamptz,            -- the lease: after it, the row may be claimed again
    CHECK ((state = 'sending') = (claimed_by IS NOT NULL AND claimed_until IS NOT NULL))
);

-- What a sender asks for: the due queued rows in order, and the sending rows whose lease ran out.
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX outbox_claimed ON outbox (claimed_until, id) WHERE state = 'sending';

CREATE TABLE mail_suppressions (
    address     text PRIMARY KEY,           -- normalized address
    reason      text NOT NULL,
    created_at  timestamptz NOT NULL
);
