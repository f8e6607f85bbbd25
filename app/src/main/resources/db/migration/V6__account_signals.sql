-- Each account's measured signals before any peer comparison (the core's AccountSignals as JSON), written by the
-- scorer next to the scorecard. An incremental rescore after an import measures only the changed accounts and then
-- re-assembles every other account's scorecard from these against the new pool, so all percentiles and trust scores
-- are current without measuring unchanged accounts again. Plain text, not jsonb: it is only ever read back whole.
CREATE TABLE account_signals (
    account_id  bigint      PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    measured_at timestamptz NOT NULL,
    signals     text        NOT NULL
);
