package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.signals.community.evaluation.CohesionRealDataEvaluation;
import io.microreach.signals.community.evaluation.CohesionRealDataEvaluation.Comparison;
import io.microreach.signals.community.evaluation.CohesionRealDataEvaluation.NetworkResult;
import io.microreach.signals.community.evaluation.CohesionRealDataEvaluation.Options;
import io.microreach.signals.community.evaluation.CohesionRealDataEvaluation.Report;
import io.microreach.signals.community.evaluation.CohesionRealDataEvaluation.Sample;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "cohesion",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate the cohesion score on the real SNAP ego-Facebook friendship graphs in DIR/snap-ego-facebook"
                    + " (../shared/data): per network the score (friendships as mutual follows, and as one-way"
                    + " follows), the mean and sd over degree-preserving randomisations and G(n, m) random graphs"
                    + " with z, and the score on follower-sized node samples; each for the score as it is (after)"
                    + " and the density-only score it replaced (before).",
            "Exit code: 0, 2 missing or unusable folder."
        })
class EvalCohesionCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(
            names = "--public-data",
            required = true,
            paramLabel = "DIR",
            description = "Folder of the public data sets (../shared/data).")
    Path publicData;

    @Option(
            names = "--randomisations",
            paramLabel = "K",
            defaultValue = "20",
            description = "Randomised graphs of each kind per network (default 20).")
    int randomisations;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Seed of the randomisations and samples (default 1).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        Options defaults = Options.defaults();
        Report report;
        try {
            Options options = new Options(randomisations, defaults.subsamples(), defaults.sampleSizes(), seed);
            report = new CohesionRealDataEvaluation().run(publicData, options);
        } catch (FileNotFoundException | IllegalArgumentException e) {
            err.println("eval cohesion: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(new ObjectMapper().writeValueAsString(report));
        } else {
            print(o, report);
        }
        o.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter o, Report report) {
        o.printf(
                Locale.ROOT,
                "%d degree-preserving randomisations and %d G(n, m) graphs per network, seed %d;"
                        + " rand = mean ± sd over the randomisations, z against them%n",
                report.options().randomisations(),
                report.options().randomisations(),
                report.options().seed());
        o.printf(
                Locale.ROOT,
                "%-8s %5s %6s %6s %11s | %-21s | %-28s | %-28s | %s%n",
                "network",
                "nodes",
                "edges",
                "dens",
                "clust/rand",
                "before: obs rand",
                "after mutual: obs rand z",
                "after one-way: obs rand z",
                "samples (after mutual, before)");
        for (NetworkResult n : report.networks()) {
            o.printf(
                    Locale.ROOT,
                    "%-8s %5d %6d %6.3f %5.3f/%5.3f | %s | %s | %s | %s%n",
                    n.name(),
                    n.nodes(),
                    n.friendships(),
                    n.density(),
                    n.clustering(),
                    n.randomisedClustering(),
                    comparison(n.before(), false),
                    comparison(n.after(), true),
                    comparison(n.afterOneWay(), true),
                    samples(n.samples()));
        }
    }

    private static String comparison(Comparison c, boolean withZ) {
        String text = String.format(
                Locale.ROOT,
                "%.3f %.3f±%.3f",
                c.observed(),
                c.degreePreserving().mean(),
                c.degreePreserving().sd());
        if (!withZ) {
            return String.format(Locale.ROOT, "%-21s", text);
        }
        return String.format(
                Locale.ROOT, "%-28s", text + " " + (c.z() == null ? "–" : String.format(Locale.ROOT, "%.0f", c.z())));
    }

    private static String samples(List<Sample> samples) {
        if (samples.isEmpty()) {
            return "–";
        }
        StringBuilder b = new StringBuilder();
        for (Sample s : samples) {
            b.append(String.format(
                    Locale.ROOT,
                    "n=%d: %.3f±%.3f, %.3f±%.3f  ",
                    s.size(),
                    s.after().mean(),
                    s.after().sd(),
                    s.before().mean(),
                    s.before().sd()));
        }
        return b.toString().strip();
    }
}
