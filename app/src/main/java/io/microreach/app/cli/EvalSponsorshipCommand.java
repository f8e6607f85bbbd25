package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.ingest.UnusableInputException;
import io.microreach.signals.commercial.SponsorshipDetector;
import io.microreach.signals.commercial.evaluation.CaptionLabel;
import io.microreach.signals.commercial.evaluation.LabelledCaption;
import io.microreach.signals.commercial.evaluation.PublicCaptions;
import io.microreach.signals.commercial.evaluation.Scores;
import io.microreach.signals.commercial.evaluation.SponsorshipEvaluation;
import io.microreach.signals.commercial.evaluation.SponsorshipLabelFile;
import io.microreach.signals.commercial.evaluation.SponsorshipTruth;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
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
        name = "sponsorship",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate sponsorship detection on hand-labelled real captions: --labels names the label file"
                    + " (docs/eval/sponsorship-labels.csv: row references, no texts), --public-data the folder that"
                    + " holds the captions (../shared/data).",
            "Prints, for all rows, the tune half and the hold-out half: precision/recall/F1 of 'sponsored' (disclosed"
                    + " or not), 'disclosed' and 'undisclosed', partner-brand precision/recall, the confusion counts"
                    + " and n. Exit code: 0, 2 unusable file or folder."
        })
class EvalSponsorshipCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--labels", required = true, paramLabel = "FILE.csv", description = "Label file.")
    Path labels;

    @Option(
            names = "--public-data",
            required = true,
            paramLabel = "DIR",
            description = "Folder of the public data sets (../shared/data).")
    Path publicData;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        List<LabelledCaption> captions;
        try {
            List<CaptionLabel> read = SponsorshipLabelFile.read(labels);
            captions = PublicCaptions.join(publicData, read);
        } catch (FileNotFoundException | UnusableInputException e) {
            err.println("eval sponsorship: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        SponsorshipDetector detector = new SponsorshipDetector();
        Map<String, SponsorshipEvaluation> parts = new LinkedHashMap<>();
        parts.put("all", SponsorshipEvaluation.of(captions, detector));
        for (String split : List.of("tune", "holdout")) {
            List<LabelledCaption> part = captions.stream()
                    .filter(c -> c.label().split().equals(split))
                    .toList();
            if (!part.isEmpty()) {
                parts.put(split, SponsorshipEvaluation.of(part, detector));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            parts.forEach((k, e) -> o.put(k, map(e)));
            out.println(new ObjectMapper().writeValueAsString(o));
        } else {
            print(out, parts);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> map(SponsorshipEvaluation e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("n", e.n());
        o.put("sponsored", e.sponsored());
        o.put("disclosed", e.disclosed());
        o.put("undisclosed", e.undisclosed());
        o.put("brands", e.brands());
        Map<String, Object> confusion = new LinkedHashMap<>();
        SponsorshipTruth[] classes = SponsorshipTruth.values();
        for (int i = 0; i < classes.length; i++) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (int j = 0; j < classes.length; j++) {
                row.put(classes[j].fileName(), e.confusion().get(i).get(j));
            }
            confusion.put(classes[i].fileName(), row);
        }
        o.put("confusion", confusion);
        o.put("selfPromotion", e.selfPromotion());
        o.put("falseAlarmReasons", e.falseAlarmReasons());
        return o;
    }

    private static void print(PrintWriter out, Map<String, SponsorshipEvaluation> parts) {
        out.printf(
                Locale.ROOT,
                "%-8s %-12s %9s %7s %7s %6s %10s %7s%n",
                "rows",
                "question",
                "precision",
                "recall",
                "f1",
                "hits",
                "predicted",
                "actual");
        parts.forEach((name, e) -> {
            List<Map.Entry<String, Scores>> rows = new ArrayList<>();
            rows.add(Map.entry("sponsored", e.sponsored()));
            rows.add(Map.entry("disclosed", e.disclosed()));
            rows.add(Map.entry("undisclosed", e.undisclosed()));
            rows.add(Map.entry("brands", e.brands()));
            for (Map.Entry<String, Scores> r : rows) {
                Scores s = r.getValue();
                out.printf(
                        Locale.ROOT,
                        "%-8s %-12s %9s %7s %7s %6d %10d %7d%n",
                        name,
                        r.getKey(),
                        text(s.precision()),
                        text(s.recall()),
                        text(s.f1()),
                        s.hits(),
                        s.predicted(),
                        s.actual());
            }
        });
        SponsorshipTruth[] classes = SponsorshipTruth.values();
        parts.forEach((name, e) -> {
            out.printf(Locale.ROOT, "%nconfusion, %s (n %d; rows labelled, columns predicted)%n", name, e.n());
            out.printf(Locale.ROOT, "%-12s", "");
            for (SponsorshipTruth c : classes) {
                out.printf(Locale.ROOT, " %11s", c.fileName());
            }
            out.println();
            for (int i = 0; i < classes.length; i++) {
                out.printf(Locale.ROOT, "%-12s", classes[i].fileName());
                for (int j = 0; j < classes.length; j++) {
                    out.printf(Locale.ROOT, " %11d", e.confusion().get(i).get(j));
                }
                out.println();
            }
            out.printf(Locale.ROOT, "self-promotion (own product, not sponsored): %d%n", e.selfPromotion());
            out.printf(Locale.ROOT, "false alarms by reason: %s%n", e.falseAlarmReasons());
        });
    }

    private static String text(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
