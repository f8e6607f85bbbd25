-- The importer's first load into empty tables runs with session_replication_role = replica to skip the foreign-key
-- checks (io.microreach.app.importer.FirstLoad says why that is safe). Triggers fire in that mode only when marked
-- ENABLE ALWAYS: the follower-pack triggers of V9 must keep marking packs stale whoever writes and however.
DO $$
DECLARE
    t text;
    k text;
BEGIN
    FOREACH t IN ARRAY ARRAY['follower_sample', 'follow_edge', 'follower_count'] LOOP
        FOREACH k IN ARRAY ARRAY['_pack_after_insert', '_pack_after_update_new', '_pack_after_update_old',
                                 '_pack_after_delete', '_pack_after_truncate'] LOOP
            EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || k);
        END LOOP;
    END LOOP;
END
$$;
