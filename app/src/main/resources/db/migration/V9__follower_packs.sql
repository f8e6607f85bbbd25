-- A second, reduced copy of what scoring reads of each account's followers (its sampled followers, the follow edges
-- among them, its daily follower counts), one value per account (io.microreach.signals.FollowerPack), so that
-- scoring reads ~110,000 values instead of ~43 million rows on the 100k benchmark pool (io.microreach.app.scoring
-- .ActivityLoader says what it saves). follower_sample, follow_edge and follower_count stay the record of truth; a
-- pack is a cache of them that the database itself marks stale:
--
--  * every statement that inserts, updates or deletes rows of those tables bumps `version` of the accounts it
--    touched and clears their `data` (the triggers below), in the writer's own transaction, whoever the writer is;
--  * whoever builds a pack reads `version` first, then the rows, and stores the pack only if `version` is still the
--    one it read (compare-and-set). A writer that committed in between has bumped it, and one still running holds
--    the row lock the compare-and-set waits for: a stale pack is never stored.
--
-- Every account with rows in those tables has a pack row (data NULL while stale), so "no pack row" means "none".
CREATE TABLE follower_pack (
    account_id bigint PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    version    bigint NOT NULL DEFAULT 0,
    data       bytea
);
COMMENT ON TABLE follower_pack IS
    'Followers of an account packed for scoring (a cache of follower_sample, follow_edge and follower_count; data is'
    ' NULL while stale).';
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

-- A truncated table empties part of every pack: all go stale (a pack whose rows are all gone is rebuilt empty).
CREATE FUNCTION follower_pack_all_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE follower_pack SET version = version + 1, data = NULL;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['follower_sample', 'follow_edge', 'follower_count'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS touched'
            ' FOR EACH STATEMENT EXECUTE FUNCTION follower_pack_mark_stale()', t || '_pack_after_insert', t);
        -- An update can move rows between accounts (an orphan row linked to its account): both sides go stale.
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS touched'
            ' FOR EACH STATEMENT EXECUTE FUNCTION follower_pack_mark_stale()', t || '_pack_after_update_new', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS touched'
            ' FOR EACH STATEMENT EXECUTE FUNCTION follower_pack_mark_stale()', t || '_pack_after_update_old', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS touched'
            ' FOR EACH STATEMENT EXECUTE FUNCTION follower_pack_mark_stale()', t || '_pack_after_delete', t);
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I'
            ' FOR EACH STATEMENT EXECUTE FUNCTION follower_pack_all_stale()', t || '_pack_after_truncate', t);
    END LOOP;
END
$$;

-- Rows stored before this version: stale packs, built by the next scoring that reads them.
INSERT INTO follower_pack (account_id)
SELECT account_id FROM follower_sample WHERE account_id IS NOT NULL
UNION SELECT account_id FROM follow_edge WHERE account_id IS NOT NULL
UNION SELECT account_id FROM follower_count WHERE account_id IS NOT NULL;
