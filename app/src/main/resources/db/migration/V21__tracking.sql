-- Tracking links, the click log and orders. The click log holds no raw IP address and no raw user agent: a visitor is
-- an HMAC of both under a salt that lives in memory for one UTC day only, so a hash can neither be linked across days
-- nor traced back to an address. Orders keep what attribution needs (no customer data): the shop's order id, times,
-- total, codes and click id, the line items as sent, and the creator they were credited to with the reason.

CREATE TABLE campaign_click (
    id                  bigserial   PRIMARY KEY,
    workspace_id        bigint      NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    campaign_creator_id bigint      NOT NULL REFERENCES campaign_creator (id) ON DELETE CASCADE,
    click_id            text        NOT NULL UNIQUE,
    clicked_at          timestamptz NOT NULL,
    visitor_hash        bytea       NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('click', 'bot', 'preview', 'prefetch', 'head'))
);
COMMENT ON TABLE campaign_click IS 'Every request to a tracking link /r/{code}, screened: only kind click counts as a click.';
COMMENT ON COLUMN campaign_click.click_id IS 'The id the redirect appended as mr_click; an order carrying it came through this click.';
COMMENT ON COLUMN campaign_click.visitor_hash IS 'HMAC-SHA256(salt of that UTC day, client IP + user agent); the salt is never stored.';
CREATE INDEX campaign_click_creator_idx ON campaign_click (campaign_creator_id, clicked_at);
CREATE INDEX campaign_click_clicked_at_idx ON campaign_click (clicked_at);

CREATE TABLE campaign_order (
    id                  bigserial      PRIMARY KEY,
    workspace_id        bigint         NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    order_id            text           NOT NULL,
    created_at          timestamptz    NOT NULL,
    updated_at          timestamptz    NOT NULL,
    total               numeric(14, 2) NOT NULL CHECK (total >= 0),
    currency            char(3)        NOT NULL,
    promo_code          text,
    click_id            text,
    line_items          jsonb,
    source              text           NOT NULL CHECK (source IN ('generic', 'shopify', 'csv')),
    campaign_creator_id bigint         REFERENCES campaign_creator (id) ON DELETE SET NULL,
    attribution_basis   text           NOT NULL CHECK (attribution_basis IN ('promo_code', 'click', 'none')),
    attribution_reason  text           NOT NULL,
    received_at         timestamptz    NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, order_id)
);
COMMENT ON TABLE campaign_order IS 'Orders from the webhooks and CSV uploads, once per shop order id, credited at arrival.';
COMMENT ON COLUMN campaign_order.updated_at IS 'When the shop last changed the order; a delivery replaces the row only when newer.';
COMMENT ON COLUMN campaign_order.attribution_reason IS 'Why the order went to its creator or to none, in words.';
CREATE INDEX campaign_order_creator_idx ON campaign_order (campaign_creator_id, created_at);

CREATE TABLE webhook_secret (
    workspace_id   bigint      PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
    path_key       text        NOT NULL UNIQUE,
    secret         bytea       NOT NULL,
    shopify_secret bytea,
    rotated_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE webhook_secret IS 'Per workspace: the opaque key in the webhook addresses and the signing secrets.';
COMMENT ON COLUMN webhook_secret.secret IS 'The signing secret, AES-GCM encrypted under the home folder''s secret.key.';
COMMENT ON COLUMN webhook_secret.shopify_secret IS 'The shop''s own webhook signing key when set (encrypted); else secret signs Shopify too.';
