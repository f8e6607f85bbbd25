package io.microreach.app.searcheval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.domain.TierBands;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The generated data set ({@code generate --creators N --seed S}): its ground truth plants each account's niches
 * (weighted, the first is the primary one), country, language and tier.
 */
final class GeneratedCorpus extends Corpus {
    private final int creators;
    private final long seed;
    private Path dir;

    GeneratedCorpus(int creators, long seed) {
        this.creators = creators;
        this.seed = seed;
    }

    @Override
    String name() {
        return "generated";
    }

    @Override
    String description() {
        return "generated creators=" + creators + " seed=" + seed;
    }

    @Override
    Path writeImport(Path into) throws IOException {
        new SyntheticDataGenerator(GeneratorConfig.of(creators, seed)).generate(into);
        return into.resolve(SyntheticDataGenerator.DATA_FILE);
    }

    /** The folder the generator writes to (also where the ground truth is read back from). */
    GeneratedCorpus at(Path home) {
        this.dir = home.resolve("eval-import");
        return this;
    }

    @Override
    Map<String, Truth> truth() throws IOException {
        Path file = dir.resolve(SyntheticDataGenerator.GROUND_TRUTH_FILE);
        if (!Files.exists(file)) {
            // A reused home whose generated files were removed: the same seed writes the same ground truth.
            writeImport(dir);
            Files.deleteIfExists(dir.resolve(SyntheticDataGenerator.DATA_FILE));
        }
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Truth> truth = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode t = mapper.readTree(line);
                List<String> niches = new ArrayList<>();
                t.path("niches").forEach(n -> niches.add(n.path("niche").asText()));
                long followers = t.path("followers").asLong();
                Truth account = new Truth(
                        t.path("platform").asText(),
                        t.path("handle").asText(),
                        niches,
                        t.path("country").asText().toUpperCase(Locale.ROOT),
                        t.path("language").asText(),
                        TierBands.DEFAULT.tierOf(followers).id(),
                        followers);
                truth.put(account.key(), account);
            }
        }
        return truth;
    }
}
