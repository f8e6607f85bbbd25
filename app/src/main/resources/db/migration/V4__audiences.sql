-- Audience sketches (issue 5): one theta sketch per account of its follower-sample and commenter ids, in the
-- versioned binary format of io.microreach.audience.AudienceSketch (format_version repeats the header's version so
-- old rows can be found and rebuilt without reading the bytes).
CREATE TABLE audience_sketch (
    account_id     bigint      PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    format_version smallint    NOT NULL,
    sample_size    bigint      NOT NULL CHECK (sample_size >= 0),
    audience_size  bigint      NOT NULL CHECK (audience_size >= 0),
    sketch         bytea       NOT NULL,
    computed_at    timestamptz NOT NULL
);
