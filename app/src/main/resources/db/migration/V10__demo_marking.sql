-- Accounts of the generated demo data set are marked, so searches, lookalikes and plans can leave them out once real
-- data exists and "microreach demo remove" can delete exactly them. The demo loader sets the flag after its import;
-- every other import creates accounts with the default (real).
ALTER TABLE account ADD COLUMN is_demo boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN account.is_demo IS 'true for accounts of the generated demo data set (set by the demo loader).';
CREATE INDEX account_demo_idx ON account (id) WHERE is_demo;
