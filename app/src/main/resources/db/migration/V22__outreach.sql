-- Outreach: the e-mails that invite a campaign's creators and remind them, and the workspace's own wording of them.
-- A workspace without a saved template uses the built-in one; every message is kept as it was sent.

CREATE TABLE outreach_template (
    workspace_id bigint      NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind IN ('invitation', 'reminder')),
    subject      text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 300 AND subject !~ '[\r\n]'),
    body         text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    updated_by   text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, kind)
);
COMMENT ON TABLE outreach_template IS 'A workspace''s own invitation and reminder e-mail; placeholders as {{creator.handle}}.';

CREATE TABLE outreach_message (
    id                  bigserial   PRIMARY KEY,
    workspace_id        bigint      NOT NULL REFERENCES workspace (id),
    campaign_id         bigint      NOT NULL,
    campaign_creator_id bigint      NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('invitation', 'reminder')),
    to_address          text        NOT NULL,
    subject             text        NOT NULL,
    body                text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('sent', 'failed')),
    error               text,
    sent_by             text        NOT NULL,
    sent_at             timestamptz NOT NULL,
    FOREIGN KEY (workspace_id, campaign_id) REFERENCES campaign (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, campaign_creator_id) REFERENCES campaign_creator (workspace_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE outreach_message IS 'Every outreach e-mail as sent (or as it failed), with the SMTP error.';
COMMENT ON COLUMN outreach_message.sent_by IS 'The user who sent it, or cli:<os user>; a reminder names the inviter.';
CREATE INDEX outreach_message_campaign_idx ON outreach_message (campaign_id, sent_at);
-- One delivered invitation and one delivered reminder per creator: a second one is refused by the database even when
-- two servers run the reminder job at once.
CREATE UNIQUE INDEX outreach_message_once_idx ON outreach_message (campaign_creator_id, kind) WHERE status = 'sent';
