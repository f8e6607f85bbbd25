package io.microreach.planner;

/** A brief the planner cannot plan for; {@link #field()} names the input field or constraint that bites. */
public final class PlanningException extends RuntimeException {
    private final String field;

    public PlanningException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
