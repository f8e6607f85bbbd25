package io.microreach.app.cli;

import io.microreach.app.planner.BriefReader;
import io.microreach.app.planner.PlanResponse;
import io.microreach.app.planner.PlanService;
import io.microreach.app.planner.PriceText;
import io.microreach.planner.PlanningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Split a budget across creators for the most unique engaged reach (or conversions, or profit), net of"
                    + " audience overlap; brief in YAML or JSON (docs/planner.md).",
            "Exit code: 0 planned, 2 unreadable brief, bad field or infeasible constraints (the message names it)."
        })
class PlanCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--brief", required = true, paramLabel = "FILE", description = "The brief (.yaml, .yml or .json).")
    Path brief;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        String text;
        try {
            text = Files.readString(brief);
        } catch (IOException e) {
            err.println("microreach plan: cannot read brief " + brief + ": " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            PlanResponse plan = ctx.getBean(PlanService.class).plan(BriefReader.read(text));
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(ctx.getBean(JsonMapper.class)
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(plan));
            } else {
                out.println(text(plan));
            }
            out.flush();
            return ExitCodes.OK;
        } catch (PlanningException e) {
            err.println("microreach plan: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
    }

    private static String text(PlanResponse p) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "Plan: %d creators, %.2f of %.2f %s, %s = %.1f%n",
                p.creators().size(),
                p.totalCost(),
                p.budget(),
                p.currency(),
                p.objective(),
                p.objectiveValue()));
        sb.append("Guarantee: ").append(p.guarantee()).append('\n');
        for (PlanResponse.Creator c : p.creators()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-32s %-9s %s  cost %.2f%s  engagements P10/P50/P90 %.0f/%.0f/%.0f  +%.1f  %s%n",
                    c.id(),
                    c.platform(),
                    String.join("+", c.deliverables()),
                    c.cost(),
                    " (" + PriceText.amount(c.price())
                            + (c.price().estimated() ? ", estimated" : "") + ")",
                    c.forecast().engagements().p10(),
                    c.forecast().engagements().p50(),
                    c.forecast().engagements().p90(),
                    c.marginalContribution(),
                    c.reason()));
        }
        for (PlanResponse.Alternative a : p.alternatives()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "Alternative '%s': %d creators, %.2f %s, %s = %.1f%n",
                    a.name(),
                    a.creators().size(),
                    a.totalCost(),
                    p.currency(),
                    a.objective(),
                    a.objectiveValue()));
        }
        return sb.toString();
    }
}
