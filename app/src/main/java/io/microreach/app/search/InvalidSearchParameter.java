package io.microreach.app.search;

/** A search parameter that cannot be used; the REST API answers 400 naming {@link #parameter()}, the CLI exits 2. */
public class InvalidSearchParameter extends RuntimeException {
    private final String parameter;

    public InvalidSearchParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** "parameter: reason", the form every front end prints. */
    public String describe() {
        return parameter + ": " + getMessage();
    }
}
