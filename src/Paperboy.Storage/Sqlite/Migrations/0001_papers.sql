-- The store of record for papers. JSON columns hold ordered lists that are always read whole.
CREATE TABLE papers (
    id              TEXT PRIMARY KEY,          -- arXiv base id, or 'title:<hash>' for a title-only paper
    arxiv_id        TEXT UNIQUE,
    title_key       TEXT,                      -- TitleKey.IdFor(title): merges title-only papers into arXiv ones; NULL for an empty title
    title           TEXT NOT NULL,
    title_raw       TEXT NOT NULL,
    abstract        TEXT NOT NULL,
    abstract_raw    TEXT NOT NULL,
    authors         TEXT NOT NULL,             -- JSON array, in paper order
    categories      TEXT NOT NULL,             -- JSON array, primary first
    versions        TEXT NOT NULL,             -- JSON array of {Number, Submitted}
    latest_version  INTEGER NOT NULL DEFAULT 0,
    published       TEXT,                      -- ISO 8601, UTC
    updated         TEXT,
    first_seen      TEXT NOT NULL,
    doi             TEXT,
    journal_ref     TEXT,
    comments        TEXT,
    code_links      TEXT NOT NULL,             -- JSON array
    withdrawn       INTEGER NOT NULL DEFAULT 0,
    field_sources   TEXT NOT NULL,             -- JSON object field -> source
    content_hash    TEXT NOT NULL,             -- what makes a repeated import a no-op
    changed_at      TEXT NOT NULL
) STRICT;

CREATE INDEX papers_by_title_key ON papers (title_key);
CREATE INDEX papers_by_recency ON papers (COALESCE(published, first_seen) DESC, id);

-- A counter bumped by every write that changes papers, so readers (the search index) know when to refresh.
CREATE TABLE store_generation (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    generation  INTEGER NOT NULL
) STRICT;
INSERT INTO store_generation (singleton, generation) VALUES (1, 0);
