-- Campaigns: a plan turned into work with creators, tracking links, promo codes, orders and their attribution.
-- Every row carries its workspace; a campaign's creators keep the handle they had when they joined, so the campaign's
-- spend and results survive an erasure of the account (account_id then becomes null).

ALTER TABLE campaign
    ADD COLUMN objective               text        NOT NULL DEFAULT 'engaged-reach'
        CHECK (objective IN ('engaged-reach', 'conversions', 'profit')),
    ADD COLUMN landing_url             text,
    ADD COLUMN hashtag                 text,
    ADD COLUMN brand_handles           text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN attribution_window_days int         NOT NULL DEFAULT 7 CHECK (attribution_window_days BETWEEN 1 AND 90),
    ADD COLUMN plan                    jsonb,
    ADD COLUMN is_demo                 boolean     NOT NULL DEFAULT false,
    ADD COLUMN updated_at              timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT campaign_workspace_id_key UNIQUE (workspace_id, id);
COMMENT ON COLUMN campaign.hashtag IS 'The campaign hashtag (without #), used for UGC and the disclosure check.';
COMMENT ON COLUMN campaign.brand_handles IS 'Brand accounts (without @) whose mention marks a post as about the campaign.';
COMMENT ON COLUMN campaign.plan IS 'The plan the campaign came from (its forecast bands), as the planner printed it.';

CREATE TABLE campaign_creator (
    id             bigserial   PRIMARY KEY,
    workspace_id   bigint      NOT NULL REFERENCES workspace (id),
    campaign_id    bigint      NOT NULL,
    account_id     bigint      REFERENCES account (id) ON DELETE SET NULL,
    platform       text        NOT NULL,
    handle         text        NOT NULL,
    followers      bigint      CHECK (followers >= 0),
    tracking_code  text        NOT NULL UNIQUE CHECK (tracking_code ~ '^[A-Za-z0-9_-]{6,32}$'),
    promo_code     text        CHECK (promo_code ~ '^[A-Za-z0-9_-]{3,32}$'),
    fee            numeric(14, 2) CHECK (fee >= 0),
    forecast       jsonb,
    contact_email  text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (workspace_id, campaign_id) REFERENCES campaign (workspace_id, id) ON DELETE CASCADE,
    UNIQUE (workspace_id, id),
    UNIQUE (campaign_id, platform, handle)
);
COMMENT ON TABLE campaign_creator IS 'A creator taking part in a campaign: tracking link code, promo code, fee, forecast.';
CREATE UNIQUE INDEX campaign_creator_promo_code_idx ON campaign_creator (workspace_id, upper(promo_code))
    WHERE promo_code IS NOT NULL;
CREATE INDEX campaign_creator_account_idx ON campaign_creator (account_id);

CREATE TABLE campaign_deliverable (
    id                  bigserial   PRIMARY KEY,
    workspace_id        bigint      NOT NULL REFERENCES workspace (id),
    campaign_creator_id bigint      NOT NULL,
    platform            text        NOT NULL,
    format              text        NOT NULL,
    due_on              date,
    fee                 numeric(14, 2) CHECK (fee >= 0),
    required_hashtags   text[]      NOT NULL DEFAULT '{}',
    required_mentions   text[]      NOT NULL DEFAULT '{}',
    require_link        boolean     NOT NULL DEFAULT false,
    status              text        NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'accepted', 'submitted',
        'revisions_requested', 'approved', 'published', 'paid', 'declined', 'ghosted')),
    status_at           timestamptz NOT NULL DEFAULT now(),
    revisions           int         NOT NULL DEFAULT 0,
    post_ref            text,
    post_id             bigint      REFERENCES post (id) ON DELETE SET NULL,
    published_at        timestamptz,
    FOREIGN KEY (workspace_id, campaign_creator_id) REFERENCES campaign_creator (workspace_id, id) ON DELETE CASCADE
);
COMMENT ON COLUMN campaign_deliverable.post_ref IS 'The published post as the user gave it: a URL or a platform id.';
CREATE INDEX campaign_deliverable_creator_idx ON campaign_deliverable (campaign_creator_id);

CREATE TABLE campaign_event (
    id                  bigserial   PRIMARY KEY,
    workspace_id        bigint      NOT NULL REFERENCES workspace (id),
    campaign_id         bigint      NOT NULL,
    campaign_creator_id bigint,
    deliverable_id      bigint      REFERENCES campaign_deliverable (id) ON DELETE CASCADE,
    kind                text        NOT NULL CHECK (kind IN ('status', 'note', 'email', 'post', 'ugc')),
    status              text,
    note                text,
    actor               text        NOT NULL,
    at                  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (workspace_id, campaign_id) REFERENCES campaign (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, campaign_creator_id) REFERENCES campaign_creator (workspace_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE campaign_event IS 'The timeline of a campaign and its creators: status changes, notes, e-mails sent.';
CREATE INDEX campaign_event_campaign_idx ON campaign_event (campaign_id, at);
CREATE INDEX campaign_event_creator_idx ON campaign_event (campaign_creator_id, at);
