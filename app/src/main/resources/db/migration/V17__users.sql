-- People who sign in, the workspaces they belong to with a role, their API tokens, and the audit log.
CREATE TABLE app_user (
    id            bigserial   PRIMARY KEY,
    email         text        NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    password_hash text,
    is_admin      boolean     NOT NULL DEFAULT false,
    disabled      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (email)
);
COMMENT ON COLUMN app_user.password_hash IS 'Spring Security DelegatingPasswordEncoder format ({bcrypt}...); null: cannot sign in with a password.';
COMMENT ON COLUMN app_user.is_admin IS 'Installation administrator: manages users and workspaces.';

CREATE TABLE workspace_member (
    workspace_id bigint      NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role         text        NOT NULL CHECK (role IN ('owner', 'member', 'viewer')),
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX workspace_member_user_idx ON workspace_member (user_id);

CREATE TABLE api_token (
    id           bigserial   PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    workspace_id bigint      NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    name         text,
    scope        text        NOT NULL CHECK (scope IN ('read', 'write')),
    token_hash   bytea       NOT NULL UNIQUE,
    prefix       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
COMMENT ON COLUMN api_token.token_hash IS 'SHA-256 of the token; the token itself is shown once and never stored.';
CREATE INDEX api_token_user_idx ON api_token (user_id);

CREATE TABLE audit_event (
    id           bigserial   PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    user_id      bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    actor        text        NOT NULL,
    workspace_id bigint      REFERENCES workspace (id) ON DELETE SET NULL,
    action       text        NOT NULL,
    target       text,
    details      text
);
CREATE INDEX audit_event_at_idx ON audit_event (at);
