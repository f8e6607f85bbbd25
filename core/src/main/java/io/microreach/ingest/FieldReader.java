package io.microreach.ingest;

import java.util.List;

/**
 * Typed access to the fields of one input line, the same for JSON objects and CSV rows so that both formats share
 * one set of validation rules. Every method returns {@code null} for an absent or empty field and throws {@link
 * FieldException} when the value has the wrong type.
 */
interface FieldReader {

    /** Whether the field is given at all, even empty; a JSON {@code null} counts as not given. */
    boolean has(String field);

    String string(String field);

    Long integer(String field);

    Boolean bool(String field);

    /** A list of strings, or {@code null} when the field is absent. */
    List<String> list(String field);
}
