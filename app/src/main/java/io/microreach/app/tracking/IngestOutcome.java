package io.microreach.app.tracking;

/** What a delivery of an order did: exactly one row per (workspace, order id), replaced only by a newer version. */
public enum IngestOutcome {
    /** A new order. */
    STORED,
    /** A newer version of a known order replaced it. */
    UPDATED,
    /** A repeat, or an older version than the one stored: nothing changed. */
    UNCHANGED
}
