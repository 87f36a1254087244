-- The change feed: which papers changed or disappeared since a store generation, so a persistent
-- search index can catch up from the generation it last indexed instead of rescanning every paper.

-- The generation a row was last inserted or changed at: the value store_generation takes when the
-- batch that wrote it commits. A no-op upsert writes nothing, so it never restamps a row.
-- Rows that predate the feed get the current generation. Removals before the feed were never recorded,
-- so an index built before this migration must be rebuilt once from a full scan, not caught up.
ALTER TABLE papers ADD COLUMN changed_generation INTEGER NOT NULL DEFAULT 0;
UPDATE papers SET changed_generation = (SELECT generation FROM store_generation WHERE singleton = 1);

-- Also the order the feed streams in, so the scan needs no sort.
CREATE INDEX papers_by_changed_generation ON papers (changed_generation, id);

-- Rows whose arXiv id is not their id. Every source gives an arXiv paper its base id as id, so this is
-- normally empty; but a row here is deleted silently by INSERT OR REPLACE when another row claims its
-- arXiv id (arxiv_id is UNIQUE). A batch asks this index once whether it must look for such rows first.
CREATE INDEX papers_with_foreign_arxiv_id ON papers (arxiv_id) WHERE arxiv_id <> id;

-- Ids no longer in papers (a title-only paper merged into its arXiv record, or a row evicted by
-- another row claiming its arXiv id), with the generation of the batch that removed them. An id is
-- in at most one of papers and removed_papers: storing it again deletes its row here, in the same
-- batch, so a re-inserted id is reported as changed, never as removed.
CREATE TABLE removed_papers (
    id                  TEXT PRIMARY KEY,
    removed_generation  INTEGER NOT NULL
) STRICT;

CREATE INDEX removed_papers_by_generation ON removed_papers (removed_generation, id);
