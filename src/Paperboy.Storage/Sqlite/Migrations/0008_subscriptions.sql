-- Email digests (docs/DIGESTS.md): who asked for them, about what, and which papers each was sent.
-- Numbered 0008: 0007 is the outbox of the delivery side. Links are HMAC-signed over the salts kept
-- here with the server key; replacing a salt revokes the links made with it.

CREATE TABLE subscribers (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    email           TEXT NOT NULL UNIQUE,      -- trimmed, lower case
    account_id      INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    frequency       TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    time_zone       TEXT NOT NULL,             -- IANA id
    hour            INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    trending        INTEGER NOT NULL CHECK (trending IN (0, 1)),
    follows         INTEGER NOT NULL CHECK (follows IN (0, 1)),
    created_at      TEXT NOT NULL,
    confirmed_at    TEXT,                      -- null until the emailed link is followed: nothing is sent before
    link_salt       TEXT NOT NULL,
    confirm_salt    TEXT,
    last_digest_at  TEXT,
    last_period     TEXT
) STRICT;

CREATE INDEX subscribers_confirmed ON subscribers (confirmed_at) WHERE confirmed_at IS NOT NULL;

CREATE TABLE subscriber_topics (
    subscriber_id   INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('category', 'query', 'author')),
    key             TEXT NOT NULL,             -- the category, the query, or the folded author name
    label           TEXT NOT NULL,             -- as typed
    position        INTEGER NOT NULL,
    PRIMARY KEY (subscriber_id, kind, key)
) STRICT;

-- Never the same paper twice to one subscriber. paper_id has no foreign key, as elsewhere: an import
-- may replace a paper row, and what was sent stays sent.
CREATE TABLE subscriber_papers (
    subscriber_id   INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    paper_id        TEXT NOT NULL,
    sent_at         TEXT NOT NULL,
    PRIMARY KEY (subscriber_id, paper_id)
) STRICT, WITHOUT ROWID;
