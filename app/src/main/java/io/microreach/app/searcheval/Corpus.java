package io.microreach.app.searcheval;

import io.microreach.app.importer.Importer;
import io.microreach.app.niches.NicheClassification;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.ingest.UnusableInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A judged corpus: writes its accounts as an import file, loads them into an empty home the way a user would (import,
 * classify, score; the search index follows) and knows the truth about each account. A home already loaded with the
 * same corpus description is reused, so a second evaluation only runs the queries.
 */
abstract class Corpus {
    /** The corpus's name in the judgement file. */
    abstract String name();

    /** What identifies this corpus's content (size, seed): a home loaded with another description is refused. */
    abstract String description();

    /** Writes the import file into {@code dir} and returns it. */
    abstract Path writeImport(Path dir) throws IOException;

    /** The truth about every account, by {@link Truth#key()}. */
    abstract Map<String, Truth> truth() throws IOException;

    /** Loads the corpus into the context's home unless it holds it already. */
    final void load(ApplicationContext ctx, Path home) throws IOException {
        Path marker = home.resolve("eval-corpus.txt");
        if (Files.exists(marker)) {
            String loaded = Files.readString(marker);
            if (loaded.equals(description())) {
                return;
            }
            throw new IllegalStateException(
                    home + " holds another evaluation corpus (" + loaded + "); give an empty --work folder");
        }
        Long accounts = ctx.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM account", Long.class);
        if (accounts != null && accounts > 0) {
            throw new IllegalStateException(home + " already holds " + accounts + " accounts that are not an"
                    + " evaluation corpus; give an empty --work folder");
        }
        Path file = writeImport(Files.createDirectories(home.resolve("eval-import")));
        try {
            ctx.getBean(Importer.class).importFile(file, (bytes, total, lines) -> {});
        } catch (UnusableInputException e) {
            throw new IllegalStateException("could not import the " + name() + " corpus: " + e.getMessage(), e);
        }
        // The import file can be written again from its description; only the ground truth next to it is kept.
        Files.deleteIfExists(file);
        ctx.getBean(NicheClassification.class).classifyAll(NicheClassification.Progress.NONE);
        ctx.getBean(Scorer.class).scoreAll(ScoringProgress.NONE);
        Files.writeString(marker, description());
    }
}
