-- Crawls of the platforms' public APIs (the connectors module). A run is one crawl, sync or add; its checkpoints and
-- the records it fetched are written in one transaction per page, so a run killed at any point resumes where its
-- last transaction ended without gaps or duplicates. Records wait in crawl_record until the importer has stored
-- them (the import is idempotent, so a crash between the two imports them again and changes nothing).
CREATE TABLE crawl_run (
    id           bigserial   PRIMARY KEY,
    source       text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('crawl', 'sync', 'add')),
    request      text        NOT NULL,
    label        text        NOT NULL,
    state        text        NOT NULL CHECK (state IN ('running', 'completed', 'stopped', 'failed')),
    stop_reason  text,
    requests     bigint      NOT NULL DEFAULT 0,
    records      bigint      NOT NULL DEFAULT 0,
    accounts     integer     NOT NULL DEFAULT 0,
    problems     text[]      NOT NULL DEFAULT '{}',
    started_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz
);
COMMENT ON COLUMN crawl_run.request IS 'The run''s request as JSON; an unfinished run with the same source, kind and request is resumed.';
CREATE INDEX crawl_run_source_idx ON crawl_run (source, started_at DESC);

CREATE TABLE crawl_checkpoint (
    run_id    bigint  NOT NULL REFERENCES crawl_run (id) ON DELETE CASCADE,
    task      text    NOT NULL,
    cursor    text,
    finished  boolean NOT NULL,
    pages     integer NOT NULL,
    emitted   text[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (run_id, task)
);

-- Source-wide state that outlives a run, such as the quota units a source spent today (tasks named quota:...).
CREATE TABLE crawl_source_state (
    source    text    NOT NULL,
    task      text    NOT NULL,
    cursor    text,
    finished  boolean NOT NULL,
    pages     integer NOT NULL,
    emitted   text[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (source, task)
);

CREATE TABLE crawl_record (
    run_id  bigint NOT NULL REFERENCES crawl_run (id) ON DELETE CASCADE,
    seq     bigint NOT NULL,
    kind    text   NOT NULL,
    account text   NOT NULL,
    line    text   NOT NULL,
    PRIMARY KEY (run_id, seq)
);

-- Accounts a discovery accepted, in order: the run fetches them in full after the discovery.
CREATE TABLE crawl_account (
    run_id       bigint  NOT NULL REFERENCES crawl_run (id) ON DELETE CASCADE,
    seq          integer NOT NULL,
    platform_id  text    NOT NULL,
    PRIMARY KEY (run_id, platform_id)
);

-- Where each crawled account's numbers came from and when they were fetched (file imports leave no row).
CREATE TABLE account_source (
    platform     text        NOT NULL,
    platform_id  text        NOT NULL,
    source       text        NOT NULL,
    fetched_at   timestamptz NOT NULL,
    posts_at     timestamptz,
    PRIMARY KEY (platform, platform_id)
);
COMMENT ON COLUMN account_source.posts_at IS 'When the account''s posts were last fetched (a refresh that skips unchanged posts keeps it).';

-- Per-source settings from the Sources page. Secrets are AES-GCM encrypted with the key in the home folder and never
-- shown back; environment variables win over stored values.
CREATE TABLE source_setting (
    source          text        PRIMARY KEY,
    base_url        text,
    secret          bytea,
    secret_extra    text,
    sync_minutes    integer     CHECK (sync_minutes IS NULL OR sync_minutes >= 5),
    last_sync_at    timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
