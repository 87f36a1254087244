-- Title lookups through the first 8 hex digits of the key instead of the whole key. Keys are hashes,
-- so every batch inserts into the index at random places and its commit rewrites nearly every page
-- of it: at 1M papers the whole-key index (about 30 bytes an entry) made a fifth of an import's
-- writes. An entry of 8 digits is about half that, and so are the pages each commit rewrites. Lookups
-- compare the whole key on the rows the prefix finds (SqlitePaperWriter, BatchLookup), so the rare
-- papers that share a prefix cost a row read each and are never confused.
DROP INDEX papers_by_title_key;
CREATE INDEX papers_by_title_hash ON papers (substr(title_key, 7, 8));
