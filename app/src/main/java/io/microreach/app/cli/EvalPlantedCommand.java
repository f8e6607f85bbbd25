package io.microreach.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.scoring.ScorecardReader;
import io.microreach.evaluation.RankCorrelation;
import io.microreach.generator.SyntheticDataGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "planted",
        mixinStandardHelpOptions = true,
        description = {
            "Compare the scorecards of generated data with its ground truth (DIR/ground-truth.jsonl from"
                    + " 'generate'); imports nothing. Import DIR/data.jsonl and run 'score' first.",
            "Prints suspiciousShareMae, intervalCoverage, replyRateMae, sponsoredShareMae, cohesionAuc,"
                    + " spikeRecall, spikeFalseAlarmRate, podRecall, podFalseAlarmRate (and how many accounts each"
                    + " rests on). Exit code: 0, 2 no ground truth or no matching scorecards."
        })
class EvalPlantedCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder written by 'generate'.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path truthFile = data.resolve(SyntheticDataGenerator.GROUND_TRUTH_FILE);
        if (!Files.isRegularFile(truthFile)) {
            spec.commandLine().getErr().println("microreach eval planted: " + truthFile + ": no such file");
            return ExitCodes.UNUSABLE;
        }
        ObjectMapper mapper = new ObjectMapper();
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            Map<String, JsonNode> cards = new HashMap<>();
            ctx.getBean(ScorecardReader.class).forEachJsonByPlatformId((key, card) -> {
                try {
                    cards.put(key, mapper.readTree(card));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            PlantedComparison comparison = new PlantedComparison();
            try (BufferedReader in = Files.newBufferedReader(truthFile)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode truth = mapper.readTree(line);
                    JsonNode card = cards.get(truth.path("platform").asText() + ":"
                            + truth.path("account_id").asText());
                    if (card != null) {
                        comparison.add(truth, card);
                    }
                }
            }
            if (comparison.accounts == 0) {
                spec.commandLine()
                        .getErr()
                        .println("microreach eval planted: no scorecard matches " + truthFile
                                + "; import DIR/data.jsonl and run 'microreach score' first");
                return ExitCodes.UNUSABLE;
            }
            Map<String, Object> result = comparison.result();
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(mapper.writeValueAsString(result));
            } else {
                result.forEach((k, v) -> out.printf(
                        Locale.ROOT,
                        "%-22s %s%n",
                        k,
                        v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Accumulates the planted-vs-measured comparisons over accounts. */
    static final class PlantedComparison {
        int accounts;
        final List<Double> suspiciousErrors = new ArrayList<>();
        int covered;
        final List<Double> replyErrors = new ArrayList<>();
        final List<Double> sponsoredErrors = new ArrayList<>();
        final List<double[]> cohesionPairs = new ArrayList<>();
        int spikesPlanted;
        int spikesFound;
        int spikeFreeAccounts;
        int spikeFalseAlarms;
        int podsPlanted;
        int podsFound;
        int podFreeAccounts;
        int podFalseAlarms;

        void add(JsonNode truth, JsonNode card) {
            accounts++;
            JsonNode sample = truth.path("follower_sample");
            JsonNode sus = card.path("suspiciousShare");
            if (!sus.isNull() && !sus.isMissingNode() && sample.path("size").asDouble() > 0) {
                double exact = sample.path("fake_count").asDouble()
                        / sample.path("size").asDouble();
                suspiciousErrors.add(Math.abs(sus.path("estimate").asDouble() - exact));
                if (sus.path("low").asDouble() <= exact + 1e-9
                        && exact <= sus.path("high").asDouble() + 1e-9) {
                    covered++;
                }
            }
            JsonNode replies = truth.path("replies");
            double settled = replies.path("settled_top_level_by_others").asDouble();
            if (!card.path("replyRate").isNull() && settled > 0) {
                double planted = replies.path("settled_replied_within_7d").asDouble() / settled;
                replyErrors.add(Math.abs(card.path("replyRate").asDouble() - planted));
            }
            JsonNode posts = truth.path("posts");
            if (!card.path("sponsoredShare").isNull() && posts.path("count").asDouble() > 0) {
                double planted = posts.path("sponsored_posts").asDouble()
                        / posts.path("count").asDouble();
                sponsoredErrors.add(Math.abs(card.path("sponsoredShare").asDouble() - planted));
            }
            if (!card.path("cohesion").isNull()) {
                cohesionPairs.add(new double[] {
                    card.path("cohesion").asDouble(),
                    truth.path("cohesion").path("tight_knit").asBoolean() ? 1 : 0
                });
            }
            boolean spikePlanted = truth.path("history").path("spikes").size() > 0;
            boolean spikeFound = card.path("anomalies").path("followerSpikes").size() > 0;
            if (spikePlanted) {
                spikesPlanted++;
                spikesFound += spikeFound ? 1 : 0;
            } else {
                spikeFreeAccounts++;
                spikeFalseAlarms += spikeFound ? 1 : 0;
            }
            boolean podPlanted =
                    !truth.path("pod").isNull() && !truth.path("pod").isMissingNode();
            boolean podFound = !card.path("anomalies").path("commentPod").isNull()
                    && !card.path("anomalies").path("commentPod").isMissingNode();
            if (podPlanted) {
                podsPlanted++;
                podsFound += podFound ? 1 : 0;
            } else {
                podFreeAccounts++;
                podFalseAlarms += podFound ? 1 : 0;
            }
        }

        Map<String, Object> result() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("accounts", accounts);
            r.put("suspiciousShareMae", mean(suspiciousErrors));
            r.put("intervalCoverage", suspiciousErrors.isEmpty() ? null : (double) covered / suspiciousErrors.size());
            r.put("suspiciousShareAccounts", suspiciousErrors.size());
            r.put("replyRateMae", mean(replyErrors));
            r.put("replyRateAccounts", replyErrors.size());
            r.put("sponsoredShareMae", mean(sponsoredErrors));
            r.put("sponsoredShareAccounts", sponsoredErrors.size());
            r.put("cohesionAuc", tightKnitAuc(cohesionPairs));
            r.put("cohesionAccounts", cohesionPairs.size());
            r.put("spikeRecall", spikesPlanted == 0 ? null : (double) spikesFound / spikesPlanted);
            r.put("spikeFalseAlarmRate", spikeFreeAccounts == 0 ? null : (double) spikeFalseAlarms / spikeFreeAccounts);
            r.put("spikesPlanted", spikesPlanted);
            r.put("podRecall", podsPlanted == 0 ? null : (double) podsFound / podsPlanted);
            r.put("podFalseAlarmRate", podFreeAccounts == 0 ? null : (double) podFalseAlarms / podFreeAccounts);
            r.put("podsPlanted", podsPlanted);
            return r;
        }

        private static Double mean(List<Double> values) {
            return values.isEmpty()
                    ? null
                    : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }

        /**
         * How well the cohesion score separates the audiences the generator planted as tight-knit from the loose
         * ones: the probability that a random tight-knit account outscores a random loose one (ties count half).
         * The score measures structure above chance, not the planted density, so a rank correlation with the
         * density would judge it on the wrong thing.
         */
        static Double tightKnitAuc(List<double[]> pairs) {
            double[] scores = new double[pairs.size()];
            boolean[] tight = new boolean[pairs.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = pairs.get(i)[0];
                tight[i] = pairs.get(i)[1] == 1;
            }
            OptionalDouble auc = RankCorrelation.separation(scores, tight);
            return auc.isPresent() ? auc.getAsDouble() : null;
        }
    }
}
