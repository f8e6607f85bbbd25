package io.microreach.app.cli;

import io.microreach.signals.followers.training.CsvRowError;
import io.microreach.signals.followers.training.InvalidLabelledCsvException;
import io.microreach.signals.followers.training.LabelledProfile;
import io.microreach.signals.followers.training.LabelledProfileCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads a labelled-profiles CSV for a command, printing each bad row (up to 20) with its line and column. */
final class LabelledProfiles {
    private LabelledProfiles() {}

    static Optional<List<LabelledProfile>> read(Path labels, String command, PrintWriter err) throws IOException {
        if (!Files.isRegularFile(labels)) {
            err.println("microreach " + command + ": " + labels + ": no such file");
            return Optional.empty();
        }
        try {
            return Optional.of(LabelledProfileCsv.read(labels));
        } catch (InvalidLabelledCsvException e) {
            for (CsvRowError row : e.errors().subList(0, Math.min(20, e.errors().size()))) {
                err.println("microreach " + command + ": " + labels + ":" + row);
            }
            return Optional.empty();
        }
    }
}
