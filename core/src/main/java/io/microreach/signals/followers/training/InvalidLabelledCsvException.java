package io.microreach.signals.followers.training;

import java.util.List;

/** A labelled-profile CSV that cannot be used; {@link #errors()} lists every bad row with its line number. */
public final class InvalidLabelledCsvException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 10;

    private final transient List<CsvRowError> errors;

    public InvalidLabelledCsvException(List<CsvRowError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    public List<CsvRowError> errors() {
        return errors;
    }

    private static String message(List<CsvRowError> errors) {
        StringBuilder sb = new StringBuilder(errors.size() + " problem(s) in the labelled CSV");
        for (int i = 0; i < Math.min(SHOWN, errors.size()); i++) {
            sb.append("\n  ").append(errors.get(i));
        }
        if (errors.size() > SHOWN) {
            sb.append("\n  … and ").append(errors.size() - SHOWN).append(" more");
        }
        return sb.toString();
    }
}
