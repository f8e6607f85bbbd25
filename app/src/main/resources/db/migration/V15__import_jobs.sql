-- Uploads imported in the background (the Import page). A job is written at every change of state, so a server that
-- stops mid-import finds it unfinished on the next start and marks it failed instead of forgetting it; imports are
-- idempotent, so importing the file again stores nothing twice. The report columns hold what the page shows: counts
-- per record type (in the importer's type order) and the first rejected lines.
CREATE TABLE import_job (
    id              text        PRIMARY KEY,
    file_name       text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    state           text        NOT NULL CHECK (state IN ('QUEUED', 'IMPORTING', 'SCORING', 'DONE', 'FAILED')),
    submitted_at    timestamptz NOT NULL,
    finished_at     timestamptz,
    lines           bigint      NOT NULL DEFAULT 0,
    failure         text,
    stored          bigint[],
    unchanged       bigint[],
    rejected        bigint[],
    unreadable      bigint,
    waiting         bigint,
    elapsed_ms      bigint,
    rejected_lines  bigint[],
    rejected_fields text[],
    rejected_why    text[],
    has_report_file boolean     NOT NULL DEFAULT false,
    scored_accounts bigint,
    scored_trusted  bigint
);
CREATE INDEX import_job_submitted_idx ON import_job (submitted_at DESC);
