package io.microreach.app.importer;

import io.microreach.domain.RecordType;

/**
 * What happened to the lines of one record type.
 *
 * @param stored rows inserted or changed
 * @param unchanged valid lines whose row was already stored with the same content
 * @param rejected lines of this type that were not stored
 */
public record TypeCounts(RecordType type, long stored, long unchanged, long rejected) {

    public long total() {
        return stored + unchanged + rejected;
    }
}
