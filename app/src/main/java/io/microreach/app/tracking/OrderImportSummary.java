package io.microreach.app.tracking;

import java.util.List;

/**
 * What an order CSV did: every good line stored (or recognised as known), every bad one named.
 *
 * @param errors the rejected lines, the first {@link OrderCsvImport#MAX_ERRORS} of them ({@code rejected} counts all)
 */
public record OrderImportSummary(
        long stored, long updated, long unchanged, long rejected, List<OrderLineError> errors) {
    public OrderImportSummary {
        errors = List.copyOf(errors);
    }
}
