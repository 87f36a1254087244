-- An abstract stored once: when a paper's cleaned abstract is what TextCleaner.Clean makes of the
-- source's text (every Kaggle and arXiv record), the abstract column holds '' and this flag is 1, and
-- reading the row cleans abstract_raw again. A row is about 3.3 KB and the abstract was in it twice;
-- written once, a 1M import writes a third less. Rows from before keep both texts (flag 0).
ALTER TABLE papers ADD COLUMN abstract_from_raw INTEGER NOT NULL DEFAULT 0;
