-- The day a paper is listed on by the daily, weekly and monthly lists: the community trending date,
-- else the UTC date of its first version, else the UTC date this installation first stored it.
-- Dates are ISO 8601 text, so the first ten characters are the day. The lists select and seek by this
-- expression, written exactly so in SqlitePaperStore.ListDays.cs, so SQLite uses this index for it.
CREATE INDEX papers_by_list_day ON papers (COALESCE(trending_date, substr(published, 1, 10), substr(first_seen, 1, 10)));
