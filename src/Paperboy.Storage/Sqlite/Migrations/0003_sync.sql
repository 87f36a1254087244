-- What syncs need to resume and report.
CREATE TABLE sync_checkpoints (
    key         TEXT PRIMARY KEY,          -- e.g. 'oai-pmh:cs:arXiv'
    value       TEXT NOT NULL,             -- JSON owned by the source
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE sync_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source      TEXT NOT NULL,
    description TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,                      -- NULL while running, or when the process died mid-run
    added       INTEGER,
    updated     INTEGER,
    unchanged   INTEGER,
    rejected    INTEGER,
    error       TEXT
) STRICT;
