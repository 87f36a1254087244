-- Email digests (docs/DIGESTS.md; SQLite's 0008_subscriptions in PostgreSQL's types): who asked for
-- them, about what, and which papers each was sent. Links are HMAC-signed over the salts kept here
-- with the server key; replacing a salt revokes the links made with it.
-- Needs 0003 (accounts) and nothing of 0004 (the outbox): digests reach the outbox through the
-- application, not through a foreign key.

CREATE TABLE subscribers (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           text COLLATE "C" NOT NULL UNIQUE,   -- trimmed, lower case
    account_id      bigint REFERENCES accounts (id) ON DELETE SET NULL,
    frequency       text NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    time_zone       text NOT NULL,                      -- IANA id
    hour            integer NOT NULL CHECK (hour BETWEEN 0 AND 23),
    trending        boolean NOT NULL,
    follows         boolean NOT NULL,
    created_at      timestamptz NOT NULL,
    confirmed_at    timestamptz,                        -- null until the emailed link is followed: nothing is sent before
    link_salt       text NOT NULL,
    confirm_salt    text,
    last_digest_at  timestamptz,
    last_period     text
);

CREATE INDEX subscribers_confirmed ON subscribers (confirmed_at) WHERE confirmed_at IS NOT NULL;

CREATE TABLE subscriber_topics (
    subscriber_id   bigint NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    kind            text COLLATE "C" NOT NULL CHECK (kind IN ('category', 'query', 'author')),
    key             text COLLATE "C" NOT NULL,          -- the category, the query, or the folded author name
    label           text NOT NULL,                      -- as typed
    position        integer NOT NULL,
    PRIMARY KEY (subscriber_id, kind, key)
);

-- Never the same paper twice to one subscriber. paper_id has no foreign key, as elsewhere: an import
-- may replace a paper row, and what was sent stays sent.
CREATE TABLE subscriber_papers (
    subscriber_id   bigint NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    paper_id        text COLLATE "C" NOT NULL,
    sent_at         timestamptz NOT NULL,
    PRIMARY KEY (subscriber_id, paper_id)
);
