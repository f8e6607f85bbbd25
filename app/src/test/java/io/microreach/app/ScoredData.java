package io.microreach.app;

import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.ingest.UnusableInputException;
import java.io.IOException;
import java.nio.file.Path;

/** Generated creators, imported and scored: the data the page tests look at. */
public final class ScoredData {
    private ScoredData() {}

    public static void load(Importer importer, Scorer scorer, Path dir, int creators, long seed) {
        try {
            new SyntheticDataGenerator(GeneratorConfig.of(creators, seed)).generate(dir);
            importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        } catch (IOException | UnusableInputException e) {
            throw new IllegalStateException(e);
        }
        scorer.scoreAll(ScoringProgress.NONE);
    }
}
