-- Discovery (issue 4): each account's niches with confidence, the users' corrections, and the content embedding that
-- niche classification and semantic search share. All three are derived from or keyed on account; the Lucene index
-- is built from these tables plus account and account_score, and PostgreSQL stays the source of truth.

-- Niches of an account: the classifier's output and, where a user corrected it, the correction (source = 'correction').
CREATE TABLE account_niche (
    account_id  bigint           NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    niche_id    text             NOT NULL,
    confidence  double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    source      text             NOT NULL CHECK (source IN ('model', 'correction')),
    computed_at timestamptz      NOT NULL,
    PRIMARY KEY (account_id, niche_id)
);
CREATE INDEX account_niche_niche_idx ON account_niche (niche_id, confidence DESC);

-- A user's statement that an account is (assigned = true) or is not (assigned = false) in a niche. Corrections are
-- installation-wide labelled examples: re-classification keeps them, and the supervised layer trains on them.
CREATE TABLE niche_correction (
    account_id   bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    niche_id     text        NOT NULL,
    assigned     boolean     NOT NULL,
    corrected_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, niche_id)
);

-- The content embedding of an account (bio + captions + hashtags). vector = float32 little-endian, 4 * dims bytes.
-- content_hash lets re-classification skip accounts whose text did not change.
CREATE TABLE account_embedding (
    account_id   bigint      PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    model        text        NOT NULL,
    dims         integer     NOT NULL CHECK (dims > 0),
    content_hash bytea       NOT NULL,
    vector       bytea       NOT NULL CHECK (octet_length(vector) = 4 * dims),
    computed_at  timestamptz NOT NULL
);
