package io.microreach.app.tracking;

/** An order that cannot be taken, naming the field at fault and why (e.g. "total: must be a decimal number ≥ 0"). */
public final class OrderProblem extends RuntimeException {
    private final String field;

    public OrderProblem(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /** The field at fault, as the payload names it. */
    public String field() {
        return field;
    }
}
