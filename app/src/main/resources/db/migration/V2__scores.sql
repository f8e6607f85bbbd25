-- Trust scorecards: one per account, recomputed by `score` (all accounts) and after imports (changed accounts).
-- The headline numbers are columns so that search and sorting can use them (and so that an incremental rescore can
-- rebuild the peer statistics without measuring the whole pool again); the full scorecard with evidence is
-- kept as JSON exactly as the REST API and `scorecard --json` return it.
CREATE TABLE account_score (
    account_id          bigint PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    computed_at         timestamptz NOT NULL,
    tier                text        NOT NULL,
    trust_score         double precision,
    engagement_rate     double precision,
    engagement_rate_pct double precision,
    suspicious_share    double precision,
    suspicious_low      double precision,
    suspicious_high     double precision,
    suspicious_sample   integer,
    reply_rate          double precision,
    reply_delay_hours   double precision,
    sponsored_share     double precision,
    cohesion            double precision,
    inviting_share      double precision,
    likes_per_comment   double precision,
    anomaly_count       integer     NOT NULL DEFAULT 0,
    scorecard           jsonb       NOT NULL
);
CREATE INDEX account_score_trust_idx ON account_score (trust_score DESC NULLS LAST);

-- Accounts whose data changed since they were last scored (filled by the importer, drained by the scorer).
CREATE TABLE score_queue (
    account_id bigint PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    queued_at  timestamptz NOT NULL DEFAULT now()
);
