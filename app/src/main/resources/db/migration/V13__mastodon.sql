-- Mastodon accounts (fetched by the Mastodon connector) are stored like those of the other platforms.
ALTER TABLE account DROP CONSTRAINT account_platform_check;
ALTER TABLE account ADD CONSTRAINT account_platform_check
    CHECK (platform IN ('instagram', 'tiktok', 'youtube', 'bluesky', 'twitter', 'mastodon'));
