package io.microreach.app.crawl;

/** A crawl request or a source setting that cannot be used, naming the field and the reason. */
public class SourceProblem extends RuntimeException {
    private final String field;

    public SourceProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
