-- A second, reduced copy of each account's sampled followers, one value per account (io.microreach.signals
-- .SampledFollowerPack), so that scoring reads ~110,000 values instead of ~22 million rows of a dozen columns on the
-- 100k benchmark pool (io.microreach.app.scoring.ActivityLoader says what it saves). follower_sample stays the
-- record of truth; a pack is a cache of it that the database itself marks stale:
--
--  * every statement that inserts, updates or deletes follower rows bumps `version` of the accounts it touched and
--    clears their `data` (the triggers below), in the writer's own transaction, whoever the writer is;
--  * whoever builds a pack reads `version` first, then the rows, and stores the pack only if `version` is still the
--    one it read (compare-and-set). A writer that committed in between has bumped it, and one still running holds
--    the row lock the compare-and-set waits for: a stale pack is never stored.
--
-- Every account with follower rows has a pack row (data NULL while stale), so "no pack row" means "no followers".
CREATE TABLE follower_pack (
    account_id bigint PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    version    bigint NOT NULL DEFAULT 0,
    data       bytea
);
COMMENT ON TABLE follower_pack IS
    'Sampled followers of an account packed for scoring (a cache of follower_sample; data is NULL while stale).';
-- Packs are a few kilobytes of varints and short ids: PostgreSQL's compression would cost CPU on every read for
-- little space.
ALTER TABLE follower_pack ALTER COLUMN data SET STORAGE EXTERNAL;
CREATE INDEX follower_pack_stale_idx ON follower_pack (account_id) WHERE data IS NULL;

CREATE FUNCTION follower_pack_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- In account order, so that two writers touching the same accounts lock their pack rows in the same order.
    INSERT INTO follower_pack AS p (account_id)
    SELECT DISTINCT account_id FROM touched WHERE account_id IS NOT NULL ORDER BY account_id
    ON CONFLICT (account_id) DO UPDATE SET version = p.version + 1, data = NULL;
    RETURN NULL;
END
$$;

CREATE FUNCTION follower_pack_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM follower_pack;
    RETURN NULL;
END
$$;

CREATE TRIGGER follower_pack_after_insert AFTER INSERT ON follower_sample
    REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION follower_pack_mark_stale();
-- An update can move rows between accounts (an orphan row linked to its account): both sides go stale.
CREATE TRIGGER follower_pack_after_update_new AFTER UPDATE ON follower_sample
    REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION follower_pack_mark_stale();
CREATE TRIGGER follower_pack_after_update_old AFTER UPDATE ON follower_sample
    REFERENCING OLD TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION follower_pack_mark_stale();
CREATE TRIGGER follower_pack_after_delete AFTER DELETE ON follower_sample
    REFERENCING OLD TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION follower_pack_mark_stale();
CREATE TRIGGER follower_pack_after_truncate AFTER TRUNCATE ON follower_sample
    FOR EACH STATEMENT EXECUTE FUNCTION follower_pack_clear();

-- Followers stored before this version: stale packs, built by the next scoring that reads them.
INSERT INTO follower_pack (account_id)
SELECT DISTINCT account_id FROM follower_sample WHERE account_id IS NOT NULL;
