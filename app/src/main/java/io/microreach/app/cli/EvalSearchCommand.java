package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.searcheval.SearchEvaluation;
import io.microreach.app.searcheval.SearchEvaluationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Measure search relevance on a judged query set (docs/eval/search-judgements.jsonl): loads each corpus"
                    + " the set is judged on (the generated data set with the set's seed, and with --public-data the"
                    + " Kim et al. 2020 Instagram creators) into its own home under --work, runs every query as"
                    + " Discover does and grades the top 10 from the corpus's truth.",
            "Prints nDCG@10 and precision@10 overall, per corpus, per language and per kind (brief, keywords,"
                    + " handle). Exit code: 0, 2 unusable judgement file, public-data folder or work folder."
        })
class EvalSearchCommand implements Callable<Integer> {
    @Option(names = "--judgements", required = true, paramLabel = "FILE.jsonl", description = "The judged queries.")
    Path judgements;

    @Option(
            names = "--public-data",
            paramLabel = "DIR",
            description = "Folder of the public data sets (../shared/data); without it the queries judged on public"
                    + " data are skipped.")
    Path publicData;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Folder for the corpora's homes, kept and reused by later runs (default: a temporary folder,"
                    + " deleted afterwards). Never a home with your own data.")
    Path work;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path dir = work != null ? work : Files.createTempDirectory("microreach-eval-search");
        SearchEvaluationReport report;
        try {
            report = SearchEvaluation.run(judgements, dir, publicData, home -> SpringLauncher.batch(home.toString()));
        } catch (SearchEvaluation.UnusableJudgements | IllegalStateException e) {
            err.println("microreach eval search: " + e.getMessage());
            err.flush();
            return ExitCodes.UNUSABLE;
        } finally {
            if (work == null) {
                deleteTree(dir);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(report));
        } else {
            out.printf(Locale.ROOT, "%-22s %8s %8s %8s%n", "", "queries", "nDCG@10", "P@10");
            print(out, "overall", report.overall());
            for (Map<String, SearchEvaluationReport.Metrics> group :
                    java.util.List.of(report.byCorpus(), report.byLanguage(), report.byKind())) {
                group.forEach((k, m) -> print(out, "  " + k, m));
            }
            if (!report.skipped().isEmpty()) {
                out.println(report.skipped().size() + " queries skipped: they are judged on public data"
                        + " (give --public-data ../shared/data)");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, String name, SearchEvaluationReport.Metrics m) {
        out.printf(Locale.ROOT, "%-22s %8d %8.3f %8.3f%n", name, m.queries(), m.ndcg10(), m.precision10());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
