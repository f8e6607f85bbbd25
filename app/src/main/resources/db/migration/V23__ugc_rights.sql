-- The marketer's marks on UGC posts of a campaign: reuse asked for, rights granted.
CREATE TABLE campaign_ugc (
    workspace_id bigint      NOT NULL REFERENCES workspace (id),
    campaign_id  bigint      NOT NULL,
    post_id      bigint      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    status       text        NOT NULL CHECK (status IN ('reuse_requested', 'rights_granted')),
    marked_by    text        NOT NULL,
    marked_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, post_id),
    FOREIGN KEY (workspace_id, campaign_id) REFERENCES campaign (workspace_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE campaign_ugc IS 'UGC posts the marketer asked to reuse, or got the rights to, per campaign.';
