-- Scorecards are assembled when read, from the stored signals and the current pool (io.microreach.app.scoring
-- .ScorecardReader), so scoring no longer writes a 16 KB JSON per account that every rescore of the pool replaced.
-- account_score keeps the headline columns that search, lists and the planner filter on; the scorecard column stays
-- only for accounts scored before signals were kept (read as they were until the next scoring sets it to NULL).
ALTER TABLE account_score ALTER COLUMN scorecard DROP NOT NULL;

-- Signals are stored LZ4-compressed by the JVM (io.microreach.app.scoring.SignalsCodec) in `packed`; EXTERNAL keeps
-- PostgreSQL from compressing them a second time. Rows written before V7 keep their JSON text in `signals` until
-- the account is measured again.
ALTER TABLE account_signals ALTER COLUMN signals DROP NOT NULL;
ALTER TABLE account_signals ADD COLUMN packed bytea;
ALTER TABLE account_signals ALTER COLUMN packed SET STORAGE EXTERNAL;
ALTER TABLE account_signals ADD CONSTRAINT account_signals_present CHECK (signals IS NOT NULL OR packed IS NOT NULL);
