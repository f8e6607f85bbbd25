-- Creators erased on request (GDPR art. 17). Only a SHA-256 digest of each platform-qualified id and handle is kept,
-- never the id or handle itself: enough to refuse the creator's data when an import or a connector brings it again
-- (io.microreach.app.importer.ErasedSubjects), without keeping what was erased.
CREATE TABLE erased_subject (
    digest    bytea       PRIMARY KEY,
    erased_at timestamptz NOT NULL DEFAULT now()
);
