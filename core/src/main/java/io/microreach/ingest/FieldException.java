package io.microreach.ingest;

/** A field of one line failed validation; caught per line and turned into a {@link Rejection}. */
final class FieldException extends RuntimeException {
    private final String field;

    FieldException(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
