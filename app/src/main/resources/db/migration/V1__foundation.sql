-- microreach foundation schema.
-- Public creator data is shared by the installation; workspace data is private to one workspace and every such
-- table carries workspace_id. Every public table has a natural key (platform + the platform's own ids) so imports
-- are idempotent upserts. Child rows keep their parent's natural key next to the surrogate foreign key: a row that
-- arrives before its parent is stored with a NULL foreign key and linked when the parent arrives (no row is lost).

CREATE TABLE creator (
    id          bigserial PRIMARY KEY,
    creator_key text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE creator IS 'A person behind one or more accounts across platforms (linked by the import field "creator").';

CREATE TABLE account (
    id               bigserial PRIMARY KEY,
    platform         text        NOT NULL CHECK (platform IN ('instagram', 'tiktok', 'youtube', 'bluesky', 'twitter')),
    platform_id      text        NOT NULL,
    creator_id       bigint      REFERENCES creator (id),
    handle           text        NOT NULL,
    display_name     text,
    bio              text,
    country          char(2),
    language         text,
    followers        bigint      NOT NULL CHECK (followers >= 0),
    following        bigint      CHECK (following >= 0),
    posts_count      bigint      CHECK (posts_count >= 0),
    verified         boolean     NOT NULL DEFAULT false,
    is_business      boolean     NOT NULL DEFAULT false,
    is_creator       boolean     NOT NULL DEFAULT false,
    external_url     text,
    contact_email    text,
    observed_at      timestamptz,
    first_seen       timestamptz NOT NULL DEFAULT now(),
    last_seen        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (platform, platform_id)
);
COMMENT ON COLUMN account.observed_at IS 'When the source observed the profile (import field observed_at), if given.';
COMMENT ON COLUMN account.first_seen IS 'First import of the account (or its observed_at).';
COMMENT ON COLUMN account.last_seen IS 'Last import that changed the account (or its newest observed_at).';
CREATE INDEX account_followers_idx ON account (followers DESC, id);
CREATE INDEX account_handle_idx ON account (lower(handle));
CREATE INDEX account_creator_idx ON account (creator_id);

CREATE TABLE follower_count (
    platform            text   NOT NULL,
    account_platform_id text   NOT NULL,
    account_id          bigint REFERENCES account (id),
    day                 date   NOT NULL,
    followers           bigint NOT NULL CHECK (followers >= 0),
    PRIMARY KEY (platform, account_platform_id, day)
);
CREATE INDEX follower_count_account_idx ON follower_count (account_id, day);
CREATE INDEX follower_count_orphan_idx ON follower_count (platform, account_platform_id) WHERE account_id IS NULL;

CREATE TABLE post (
    id                  bigserial PRIMARY KEY,
    platform            text        NOT NULL,
    platform_id         text        NOT NULL,
    account_platform_id text        NOT NULL,
    account_id          bigint      REFERENCES account (id),
    published_at        timestamptz NOT NULL,
    format              text        NOT NULL CHECK (format IN ('photo', 'carousel', 'video', 'reel', 'short', 'story', 'text')),
    caption             text,
    hashtags            text[]      NOT NULL DEFAULT '{}',
    mentions            text[]      NOT NULL DEFAULT '{}',
    likes               bigint CHECK (likes >= 0),
    comments            bigint CHECK (comments >= 0),
    shares              bigint CHECK (shares >= 0),
    saves               bigint CHECK (saves >= 0),
    views               bigint CHECK (views >= 0),
    followers_at_post   bigint CHECK (followers_at_post >= 0),
    paid_partnership    boolean,
    url                 text,
    UNIQUE (platform, platform_id)
);
COMMENT ON COLUMN post.likes IS 'NULL = not reported by the platform; 0 = reported as zero. Same for comments, shares, saves, views.';
CREATE INDEX post_account_idx ON post (account_id, published_at DESC);
CREATE INDEX post_orphan_idx ON post (platform, account_platform_id) WHERE account_id IS NULL;

CREATE TABLE comment (
    id                 bigserial PRIMARY KEY,
    platform           text        NOT NULL,
    platform_id        text        NOT NULL,
    post_platform_id   text        NOT NULL,
    post_id            bigint      REFERENCES post (id),
    author_platform_id text,
    author_handle      text        NOT NULL,
    text               text        NOT NULL,
    created_at         timestamptz NOT NULL,
    parent_platform_id text,
    parent_id          bigint      REFERENCES comment (id),
    likes              bigint CHECK (likes >= 0),
    UNIQUE (platform, platform_id)
);
CREATE INDEX comment_post_idx ON comment (post_id, created_at);
CREATE INDEX comment_parent_idx ON comment (parent_id);
CREATE INDEX comment_orphan_post_idx ON comment (platform, post_platform_id) WHERE post_id IS NULL;
CREATE INDEX comment_orphan_parent_idx ON comment (platform, parent_platform_id)
    WHERE parent_id IS NULL AND parent_platform_id IS NOT NULL;

CREATE TABLE follower_sample (
    id                   bigserial PRIMARY KEY,
    platform             text   NOT NULL,
    account_platform_id  text   NOT NULL,
    account_id           bigint REFERENCES account (id),
    follower_platform_id text   NOT NULL,
    handle               text   NOT NULL,
    full_name            text,
    bio                  text,
    followers            bigint CHECK (followers >= 0),
    following            bigint CHECK (following >= 0),
    posts_count          bigint CHECK (posts_count >= 0),
    has_profile_pic      boolean,
    is_private           boolean,
    verified             boolean,
    external_url         text,
    sampled_at           timestamptz,
    UNIQUE (platform, account_platform_id, follower_platform_id)
);
COMMENT ON TABLE follower_sample IS 'Sampled followers of an account with their public profile fields.';
CREATE INDEX follower_sample_account_idx ON follower_sample (account_id);
CREATE INDEX follower_sample_orphan_idx ON follower_sample (platform, account_platform_id) WHERE account_id IS NULL;

CREATE TABLE follow_edge (
    platform            text   NOT NULL,
    account_platform_id text   NOT NULL,
    account_id          bigint REFERENCES account (id),
    source_id           text   NOT NULL,
    target_id           text   NOT NULL CHECK (target_id <> source_id),
    PRIMARY KEY (platform, account_platform_id, source_id, target_id)
);
COMMENT ON TABLE follow_edge IS 'source_id follows target_id; both are sampled followers of the account.';
CREATE INDEX follow_edge_account_idx ON follow_edge (account_id);
CREATE INDEX follow_edge_orphan_idx ON follow_edge (platform, account_platform_id) WHERE account_id IS NULL;

-- Workspace-private data. Placeholders that later features fill; every table carries workspace_id.

CREATE TABLE workspace (
    id         bigserial PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO workspace (name) VALUES ('default');

CREATE TABLE shortlist (
    id           bigserial PRIMARY KEY,
    workspace_id bigint      NOT NULL REFERENCES workspace (id),
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, name),
    UNIQUE (workspace_id, id)
);

CREATE TABLE shortlist_entry (
    workspace_id bigint      NOT NULL,
    shortlist_id bigint      NOT NULL,
    account_id   bigint      NOT NULL REFERENCES account (id),
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, shortlist_id, account_id),
    FOREIGN KEY (workspace_id, shortlist_id) REFERENCES shortlist (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE creator_note (
    id           bigserial PRIMARY KEY,
    workspace_id bigint      NOT NULL REFERENCES workspace (id),
    account_id   bigint      NOT NULL REFERENCES account (id),
    body         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX creator_note_idx ON creator_note (workspace_id, account_id);

CREATE TABLE negotiated_price (
    id           bigserial PRIMARY KEY,
    workspace_id bigint        NOT NULL REFERENCES workspace (id),
    account_id   bigint        NOT NULL REFERENCES account (id),
    deliverable  text          NOT NULL CHECK (deliverable IN ('post', 'reel', 'short', 'story', 'video')),
    amount       numeric(12, 2) NOT NULL CHECK (amount >= 0),
    currency     char(3)       NOT NULL,
    valid_from   date,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, account_id, deliverable, valid_from)
);

CREATE TABLE campaign (
    id           bigserial PRIMARY KEY,
    workspace_id bigint         NOT NULL REFERENCES workspace (id),
    name         text           NOT NULL,
    budget       numeric(14, 2) CHECK (budget >= 0),
    currency     char(3),
    status       text           NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'running', 'finished', 'cancelled')),
    starts_on    date,
    ends_on      date,
    created_at   timestamptz    NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, name)
);
