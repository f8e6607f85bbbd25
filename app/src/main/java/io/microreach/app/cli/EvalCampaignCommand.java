package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.campaigns.evaluation.CampaignEvaluation;
import io.microreach.campaigns.evaluation.CampaignEvaluationReport;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "campaign",
        mixinStandardHelpOptions = true,
        description = {
            "Check the campaign judgements against generated campaigns with planted truth (written by 'generate"
                    + " --campaigns N', see docs/campaigns.md): attribution of distinct orders, coupon-leak recall"
                    + " and false alarms, disclosure and requirement checks of partner posts, UGC recall and"
                    + " precision, screening of robots and link previews. Reads files only; nothing is stored.",
            "Exit code: 0, 2 missing or unreadable folder or file."
        })
class EvalCampaignCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "DIR",
            description = "The generated folder (holding campaigns/) or its campaigns folder.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object and nothing else.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        if (!Files.isDirectory(data)) {
            err.println("eval campaign: " + data + ": folder not found");
            return ExitCodes.UNUSABLE;
        }
        CampaignEvaluationReport r;
        try {
            r = CampaignEvaluation.run(data);
        } catch (FileNotFoundException e) {
            err.println("eval campaign: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        } catch (IOException | IllegalArgumentException e) {
            err.println("eval campaign: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(new ObjectMapper().writeValueAsString(r));
        } else {
            o.printf(Locale.ROOT, "campaigns %d, creators %d%n", r.campaigns(), r.creators());
            o.printf(
                    Locale.ROOT,
                    "attribution   %s of %d distinct orders (%d deliveries)%n",
                    percent(r.attributionAccuracy()),
                    r.plantedOrders(),
                    r.orderDeliveries());
            o.printf(
                    Locale.ROOT,
                    "coupon leaks  recall %s (%d of %d), false alarms %s (%d of %d honest codes, %d assessable)%n",
                    percent(r.leakRecall()),
                    r.leaksFound(),
                    r.leakedCodes(),
                    percent(r.leakFalseAlarmRate()),
                    r.leakFalseAlarms(),
                    r.honestCodes(),
                    r.honestCodesAssessable());
            o.printf(
                    Locale.ROOT,
                    "disclosure    %s of %d undisclosed posts found, false alarms %s of %d disclosed%n",
                    percent(r.disclosureDetectionRate()),
                    r.undisclosedPosts(),
                    percent(r.disclosureFalseAlarmRate()),
                    r.disclosedPosts());
            o.printf(
                    Locale.ROOT,
                    "requirements  %d of %d planted misses found, %d reported wrongly%n",
                    r.requirementMissesFound(),
                    r.requirementMissesPlanted(),
                    r.requirementFalseMisses());
            o.printf(
                    Locale.ROOT,
                    "UGC           recall %s, precision %s (%d planted, %d reported)%n",
                    percent(r.ugcRecall()),
                    percent(r.ugcPrecision()),
                    r.ugcPlanted(),
                    r.ugcReported());
            o.printf(
                    Locale.ROOT,
                    "screening     %s of %d tracking-link requests%n",
                    percent(r.screeningAccuracy()),
                    r.clickRequests());
            o.println("goals " + (r.goalsMet() ? "met" : "NOT met"));
        }
        o.flush();
        return ExitCodes.OK;
    }

    private static String percent(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}
