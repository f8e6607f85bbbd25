package io.microreach.app.tracking;

/** A rejected line of an order CSV: its line number (the header is line 1), the field at fault and why. */
public record OrderLineError(long line, String field, String reason) {
    @Override
    public String toString() {
        return "line " + line + ": " + field + ": " + reason;
    }
}
