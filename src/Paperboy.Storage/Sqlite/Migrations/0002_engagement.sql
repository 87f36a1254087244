-- Engagement from community sources (Hugging Face daily papers): upvotes, comments, trending day.
-- Kept in columns, not JSON, because lists are sorted and filtered by them.
ALTER TABLE papers ADD COLUMN upvotes INTEGER;
ALTER TABLE papers ADD COLUMN comments_count INTEGER;
ALTER TABLE papers ADD COLUMN trending_date TEXT;             -- YYYY-MM-DD
ALTER TABLE papers ADD COLUMN submitted_by TEXT;
ALTER TABLE papers ADD COLUMN keywords TEXT;                  -- JSON array
ALTER TABLE papers ADD COLUMN engagement_reported_at TEXT;

CREATE INDEX papers_by_trending_date ON papers (trending_date DESC, upvotes DESC) WHERE trending_date IS NOT NULL;
