package io.microreach.connectors;

import io.microreach.domain.DataRecord;

/**
 * Receives every record a crawl produces, in the order it is fetched. A crawl saves its cursor only after the records
 * of a page were accepted, so a sink that stores them durably gets each record once across a stop and a restart.
 */
@FunctionalInterface
public interface RecordSink {

    void accept(DataRecord record);
}
