-- What syncs need to resume and report: checkpoints and the history of runs.
CREATE TABLE sync_checkpoints (
    key         text COLLATE "C" PRIMARY KEY,   -- e.g. 'oai-pmh:cs:arXiv'
    value       text NOT NULL,                  -- owned by the source, returned exactly as given (so text, not jsonb)
    updated_at  timestamptz NOT NULL
);

CREATE TABLE sync_runs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      text NOT NULL,
    description text NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,                    -- NULL while running, or when the process died mid-run
    added       integer,
    updated     integer,
    unchanged   integer,
    rejected    integer,
    error       text
);

-- An unfinished run of a source is looked up whenever that source starts again.
CREATE INDEX sync_runs_unfinished ON sync_runs (source) WHERE finished_at IS NULL;
