-- Secondary indexes that a first load into empty tables dropped and builds again at its end
-- (io.microreach.app.importer.DeferredIndexes). A row here means the index is missing: an import or the next start
-- builds it from its stored definition, so a load cut short never leaves a table without its indexes for long.
CREATE TABLE deferred_index (
    name       text        PRIMARY KEY,
    definition text        NOT NULL,
    dropped_at timestamptz NOT NULL DEFAULT now()
);
