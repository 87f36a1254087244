-- Accounts and what they keep: sign-in by emailed link, sessions, personal access tokens, upvotes,
-- the library (saved papers, tags, notes) and follows. Secrets are never stored: tokens are kept as
-- SHA-256 hashes (hex), so a copy of this file signs nobody in.
-- paper_id columns carry no foreign key to papers: a paper row can be replaced or merged by an import,
-- and what a reader saved or upvoted must outlive that.

-- Server secrets made once by RandomNumberGenerator on first start (the sign-in link HMAC key).
CREATE TABLE server_secrets (
    name        TEXT PRIMARY KEY,
    value       BLOB NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    email       TEXT NOT NULL UNIQUE,      -- trimmed, lower case
    created_at  TEXT NOT NULL,
    last_sign_in_at TEXT
) STRICT;

-- One row per link sent. The address need not have an account yet: the account is created when the
-- link is followed. used_at makes a link single-use; expires_at bounds it.
CREATE TABLE sign_in_tokens (
    token_hash  TEXT PRIMARY KEY,
    email       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
) STRICT;

CREATE INDEX sign_in_tokens_by_expiry ON sign_in_tokens (expires_at);

-- A signed-in browser: the cookie carries the session token, so signing out ends the session here too.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) STRICT;

CREATE INDEX sessions_by_account ON sessions (account_id);

-- Personal access tokens for the JSON API (Authorization: Bearer pb_...).
CREATE TABLE access_tokens (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    hint        TEXT NOT NULL,             -- the first characters, so a user can tell tokens apart
    created_at  TEXT NOT NULL,
    last_used_at TEXT
) STRICT;

CREATE INDEX access_tokens_by_account ON access_tokens (account_id);

-- One upvote per account per paper; counted here, beside the imported community count in papers.
CREATE TABLE upvotes (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    paper_id    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (account_id, paper_id)
) STRICT;

-- Counting by paper and by time (trending) reads this index alone.
CREATE INDEX upvotes_by_paper ON upvotes (paper_id, created_at);
CREATE INDEX upvotes_by_time ON upvotes (created_at, paper_id);

-- Saved papers, with the private note on each.
CREATE TABLE library_items (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    paper_id    TEXT NOT NULL,
    saved_at    TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    note_updated_at TEXT,
    PRIMARY KEY (account_id, paper_id)
) STRICT;

CREATE TABLE library_tags (
    account_id  INTEGER NOT NULL,
    paper_id    TEXT NOT NULL,
    tag         TEXT NOT NULL,
    PRIMARY KEY (account_id, paper_id, tag),
    FOREIGN KEY (account_id, paper_id) REFERENCES library_items (account_id, paper_id) ON DELETE CASCADE
) STRICT;

CREATE INDEX library_tags_by_tag ON library_tags (account_id, tag);

-- Authors (by normalized name) and categories an account follows; digests read them later.
CREATE TABLE follows (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('author', 'category')),
    key         TEXT NOT NULL,             -- the normalized name or the category
    label       TEXT NOT NULL,             -- as the reader saw it when following
    created_at  TEXT NOT NULL,
    PRIMARY KEY (account_id, kind, key)
) STRICT;

CREATE INDEX follows_by_key ON follows (kind, key);
