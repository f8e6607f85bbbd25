package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.evaluation.Comparison;
import io.microreach.generator.evaluation.RealismEvaluation;
import io.microreach.generator.evaluation.RealismReport;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "realism",
        mixinStandardHelpOptions = true,
        description = {
            "Compare the synthetic generator's distributions with real public data: generates a world in memory"
                    + " (no files, nothing stored) and runs a two-sample Kolmogorov-Smirnov test per distribution"
                    + " (engagement rate by follower band, comments per post, followers/following/posts of genuine"
                    + " and fake followers, reply delays and shares, follow-graph clustering), reading the real"
                    + " sets from --public-data DIR (../shared/data).",
            "Prints per distribution: role (fitted = the generator was fitted on that set, held-out = not),"
                    + " both sample sizes and medians, D and p. Exit code: 0, 2 unusable folder or arguments."
        })
class EvalRealismCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(
            names = "--public-data",
            required = true,
            paramLabel = "DIR",
            description = "Folder of the public data sets (../shared/data).")
    Path publicData;

    @Option(
            names = "--creators",
            defaultValue = "5000",
            paramLabel = "N",
            description = "Creators of the generated world (default: ${DEFAULT-VALUE}, the demo's).")
    int creators;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Seed of the generated world (default: ${DEFAULT-VALUE}, the demo's).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        GeneratorConfig config;
        try {
            config = GeneratorConfig.demo().withCreators(creators).withSeed(seed);
        } catch (IllegalArgumentException e) {
            err.println("eval realism: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        RealismReport report;
        try {
            report = RealismEvaluation.evaluate(publicData, config);
        } catch (FileNotFoundException | IllegalArgumentException e) {
            err.println("eval realism: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        var o = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Comparison c : report.comparisons()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("distribution", c.distribution());
                row.put("role", c.role());
                row.put("realSource", c.realSource());
                row.put("generatedSource", c.generatedSource());
                row.put("realSize", c.realSize());
                row.put("generatedSize", c.generatedSize());
                row.put("realMedian", c.realMedian());
                row.put("generatedMedian", c.generatedMedian());
                row.put("d", c.ks() == null ? null : c.ks().d());
                row.put("pValue", c.ks() == null ? null : c.ks().pValue());
                row.put("exactPValue", c.ks() == null ? null : c.ks().exact());
                row.put("note", c.note());
                rows.add(row);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("generated", "in memory");
            out.put("creators", report.creators());
            out.put("seed", report.seed());
            out.put("comparisons", rows);
            o.println(new ObjectMapper().writeValueAsString(out));
        } else {
            o.printf(
                    Locale.ROOT,
                    "generated in memory: %d creators, seed %d%n%-34s %-8s %6s %7s %10s %10s %6s %8s%n",
                    report.creators(),
                    report.seed(),
                    "distribution",
                    "role",
                    "nReal",
                    "nGen",
                    "medReal",
                    "medGen",
                    "D",
                    "p");
            for (Comparison c : report.comparisons()) {
                o.printf(
                        Locale.ROOT,
                        "%-34s %-8s %6d %7d %10s %10s %6s %8s%n",
                        c.distribution(),
                        c.role(),
                        c.realSize(),
                        c.generatedSize(),
                        number(c.realMedian()),
                        number(c.generatedMedian()),
                        c.ks() == null ? "-" : String.format(Locale.ROOT, "%.3f", c.ks().d()),
                        c.ks() == null ? "-" : String.format(Locale.ROOT, "%.2g", c.ks().pValue()));
            }
        }
        o.flush();
        return ExitCodes.OK;
    }

    private static String number(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
