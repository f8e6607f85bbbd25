-- A stored price is either the creator's published rate card or a price negotiated with them; both can exist for the
-- same deliverable and day, so the kind joins the uniqueness.
ALTER TABLE negotiated_price ADD COLUMN kind text NOT NULL DEFAULT 'rate_card'
    CHECK (kind IN ('rate_card', 'negotiated'));
DO $$
DECLARE
    old_name text;
BEGIN
    SELECT conname INTO old_name FROM pg_constraint
     WHERE conrelid = 'negotiated_price'::regclass AND contype = 'u';
    IF old_name IS NOT NULL THEN
        EXECUTE format('ALTER TABLE negotiated_price DROP CONSTRAINT %I', old_name);
    END IF;
END $$;
ALTER TABLE negotiated_price ADD CONSTRAINT negotiated_price_unique
    UNIQUE (workspace_id, account_id, deliverable, kind, valid_from);
