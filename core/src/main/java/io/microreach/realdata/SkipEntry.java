package io.microreach.realdata;

/**
 * One source entry cannot be converted; the converter counts the reason and goes on. The reason must not contain
 * values from the data (usernames, captions), only the file and field.
 */
final class SkipEntry extends Exception {
    SkipEntry(String reason) {
        // No stack trace: this is control flow for expected bad rows, thrown once per row.
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
