-- Sign-in state of each user (failed attempts and a temporary lock), and the one-time links: a demo sign-in, an
-- invitation into a workspace, a password reset. Only a SHA-256 digest of a link's secret is stored.
ALTER TABLE app_user
    ADD COLUMN failed_sign_ins int NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    timestamptz,
    ADD COLUMN last_sign_in_at timestamptz;
COMMENT ON COLUMN app_user.failed_sign_ins IS 'Wrong passwords since the last successful sign-in.';
COMMENT ON COLUMN app_user.locked_until IS 'Sign-in refused until then, after repeated wrong passwords.';

CREATE TABLE one_time_link (
    id           bigserial   PRIMARY KEY,
    purpose      text        NOT NULL CHECK (purpose IN ('sign-in', 'invitation', 'password-reset')),
    token_hash   bytea       NOT NULL UNIQUE,
    user_id      bigint      REFERENCES app_user (id) ON DELETE CASCADE,
    workspace_id bigint      REFERENCES workspace (id) ON DELETE CASCADE,
    role         text        CHECK (role IN ('owner', 'member', 'viewer')),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz,
    used_by      bigint      REFERENCES app_user (id) ON DELETE SET NULL
);
COMMENT ON TABLE one_time_link IS 'Links that work once: sign-in (demo), invitation (workspace + role), password reset.';
CREATE INDEX one_time_link_workspace_idx ON one_time_link (workspace_id);
