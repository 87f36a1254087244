-- The store of record for papers on PostgreSQL: the contract, merge rules and change feed of the SQLite
-- store (docs/STORE.md) in PostgreSQL's own types. Ids, arXiv ids and title keys use the "C" collation,
-- so they compare and sort by code point as SQLite's BINARY does, whatever the database's locale.
CREATE TABLE papers (
    id                      text COLLATE "C" PRIMARY KEY,   -- arXiv base id, or 'title:<hash>' for a title-only paper
    arxiv_id                text COLLATE "C" UNIQUE,
    title_key               text COLLATE "C",               -- TitleKey.IdFor(title); NULL for a title without letters or digits
    title                   text NOT NULL,
    title_raw               text NOT NULL,
    abstract                text NOT NULL,
    abstract_raw            text NOT NULL,
    authors                 text[] NOT NULL,                -- in paper order
    categories              text[] NOT NULL,                -- primary first
    versions                jsonb NOT NULL,                 -- [{"Number": 1, "Submitted": "..."}], oldest first
    latest_version          integer NOT NULL DEFAULT 0,
    published               timestamptz,
    updated                 timestamptz,
    first_seen              timestamptz NOT NULL,
    doi                     text,
    journal_ref             text,
    comments                text,
    code_links              text[] NOT NULL,
    withdrawn               boolean NOT NULL DEFAULT false,
    field_sources           jsonb NOT NULL,                 -- {"field": "source"}
    content_hash            text NOT NULL,                  -- what makes a repeated import a no-op
    changed_at              timestamptz NOT NULL,
    -- Engagement from community sources: columns, not JSON, because lists sort and filter by them.
    upvotes                 integer,
    comments_count          integer,
    trending_date           date,
    submitted_by            text,
    keywords                text[],
    engagement_reported_at  timestamptz,
    -- The generation of the batch that last inserted or changed the row: the change feed's stamp.
    changed_generation      bigint NOT NULL,
    -- The day the dated lists show the paper on: the trending date, else the UTC date of its first
    -- version, else the UTC date this installation first stored it (docs/WEB.md).
    list_day                date NOT NULL GENERATED ALWAYS AS (
        COALESCE(trending_date, (published AT TIME ZONE 'UTC')::date, (first_seen AT TIME ZONE 'UTC')::date)) STORED
);

CREATE INDEX papers_by_title_key ON papers (title_key);
CREATE INDEX papers_by_recency ON papers (COALESCE(published, first_seen) DESC, id);
CREATE INDEX papers_by_trending_date ON papers (trending_date DESC, upvotes DESC) WHERE trending_date IS NOT NULL;
CREATE INDEX papers_by_changed_generation ON papers (changed_generation, id);
CREATE INDEX papers_by_list_day ON papers (list_day);

-- The store generation: one row, updated in each changing batch's transaction. Not a sequence: a
-- sequence advances outside transactions, so a reader could see a generation whose rows are not yet
-- committed, record it, and never see those rows. Locking this row (SELECT ... FOR UPDATE) is also
-- what makes writing batches take turns.
CREATE TABLE store_generation (
    singleton   integer PRIMARY KEY CHECK (singleton = 1),
    generation  bigint NOT NULL
);
INSERT INTO store_generation (singleton, generation) VALUES (1, 0);

-- Ids no longer in papers (a title-only paper merged into its arXiv record, or a row evicted by
-- another claiming its arXiv id), with the generation of the batch that removed them. An id is in at
-- most one of papers and removed_papers: a batch storing it again deletes its row here.
CREATE TABLE removed_papers (
    id                  text COLLATE "C" PRIMARY KEY,
    removed_generation  bigint NOT NULL
);

CREATE INDEX removed_papers_by_generation ON removed_papers (removed_generation, id);
