-- Accounts and what they keep (SQLite's 0005_accounts in PostgreSQL's types): sign-in by emailed link,
-- sessions, personal access tokens, upvotes, the library (saved papers, tags, notes) and follows.
-- Secrets are never stored: tokens are kept as SHA-256 hashes (hex), so a copy of the database signs
-- nobody in. Keys that are compared or sorted use the "C" collation, so they order by code point as
-- SQLite's BINARY does. paper_id columns carry no foreign key to papers: an import can replace or
-- merge a paper row, and what a reader saved or upvoted must outlive that.
-- Numbered 0003: 0004 is the outbox of the delivery side.

-- Server secrets made once by RandomNumberGenerator on first start (the sign-in link HMAC key).
CREATE TABLE server_secrets (
    name        text COLLATE "C" PRIMARY KEY,
    value       bytea NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Identity ids, like SQLite's AUTOINCREMENT, are never reused.
CREATE TABLE accounts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           text COLLATE "C" NOT NULL UNIQUE,   -- trimmed, lower case
    created_at      timestamptz NOT NULL,
    last_sign_in_at timestamptz
);

-- One row per link sent. The address need not have an account yet: the account is created when the
-- link is followed. used_at makes a link single-use (claimed by one UPDATE ... WHERE used_at IS NULL);
-- expires_at bounds it.
CREATE TABLE sign_in_tokens (
    token_hash  text COLLATE "C" PRIMARY KEY,
    email       text NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);

CREATE INDEX sign_in_tokens_by_expiry ON sign_in_tokens (expires_at);

-- A signed-in browser: the cookie carries the session token, so signing out ends the session here too.
CREATE TABLE sessions (
    token_hash  text COLLATE "C" PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX sessions_by_account ON sessions (account_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Personal access tokens for the JSON API (Authorization: Bearer pb_...).
CREATE TABLE access_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         text NOT NULL,
    token_hash   text COLLATE "C" NOT NULL UNIQUE,
    hint         text NOT NULL,                     -- the first characters, so a user can tell tokens apart
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz
);

CREATE INDEX access_tokens_by_account ON access_tokens (account_id);

-- One upvote per account per paper: the primary key is what makes it so, whichever node inserts.
-- Counted here, beside the imported community count in papers.
CREATE TABLE upvotes (
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    paper_id    text COLLATE "C" NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, paper_id)
);

-- Counting by paper and by time (trending) reads these indexes alone.
CREATE INDEX upvotes_by_paper ON upvotes (paper_id, created_at);
CREATE INDEX upvotes_by_time ON upvotes (created_at, paper_id);

-- Saved papers, with the private note on each.
CREATE TABLE library_items (
    account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    paper_id        text COLLATE "C" NOT NULL,
    saved_at        timestamptz NOT NULL,
    note            text NOT NULL DEFAULT '',
    note_updated_at timestamptz,
    PRIMARY KEY (account_id, paper_id)
);

CREATE TABLE library_tags (
    account_id  bigint NOT NULL,
    paper_id    text COLLATE "C" NOT NULL,
    tag         text COLLATE "C" NOT NULL,
    PRIMARY KEY (account_id, paper_id, tag),
    FOREIGN KEY (account_id, paper_id) REFERENCES library_items (account_id, paper_id) ON DELETE CASCADE
);

CREATE INDEX library_tags_by_tag ON library_tags (account_id, tag);

-- Authors (by normalized name) and categories an account follows; digests read them later.
CREATE TABLE follows (
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        text COLLATE "C" NOT NULL CHECK (kind IN ('author', 'category')),
    key         text COLLATE "C" NOT NULL,          -- the normalized name or the category
    label       text NOT NULL,                      -- as the reader saw it when following
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, kind, key)
);

CREATE INDEX follows_by_key ON follows (kind, key);
