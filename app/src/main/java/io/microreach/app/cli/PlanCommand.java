package io.microreach.app.cli;

import io.microreach.app.planner.BriefReader;
import io.microreach.app.planner.PlanBrief;
import io.microreach.app.planner.PlanResponse;
import io.microreach.app.planner.PlanService;
import io.microreach.app.planner.PriceText;
import io.microreach.planner.EvidenceMinimum;
import io.microreach.planner.PlanExplanation;
import io.microreach.planner.PlanningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Split a budget across creators for the most unique engaged reach (or conversions, or profit), net of"
                    + " audience overlap; brief in YAML or JSON (docs/planner.md).",
            "With --server URL (or $MICROREACH_SERVER) and an API token in $MICROREACH_TOKEN, plans on that server"
                    + " (POST /api/plans) instead of the local database.",
            "Exit code: 0 planned, 2 unreadable brief, bad field or infeasible constraints (the message names it; with"
                    + " --server also a refused token), 1 the server could not be reached or failed."
        })
class PlanCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Mixin
    RemoteServer.Options remote;

    @Option(names = "--brief", required = true, paramLabel = "FILE", description = "The brief (.yaml, .yml or .json).")
    Path brief;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Option(
            names = "--min-posts",
            paramLabel = "N",
            description = "Evidence minimum: fewest posts in the 90 days before a creator's newest post (default: the"
                    + " brief's constraints.minEvidence.posts, else 5; 0 = no minimum).")
    Integer minPosts;

    @Option(
            names = "--no-trust-score-required",
            description =
                    "Evidence minimum: also plan with creators that have no trust score yet (required by default).")
    boolean noTrustRequired;

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
        RemoteServer server;
        try {
            server = remote.remote(err);
        } catch (IllegalArgumentException e) {
            err.println("microreach plan: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        if (server != null) {
            try {
                return planOn(server, text);
            } catch (PlanningException e) {
                err.println("microreach plan: " + e.getMessage());
                return ExitCodes.UNUSABLE;
            } catch (RemoteServer.Failure e) {
                return RemoteServer.report(err, "plan", e);
            }
        }
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            PlanBrief b = BriefReader.read(text);
            EvidenceMinimum e = b.constraints().evidence();
            if (minPosts != null || noTrustRequired) {
                e = new EvidenceMinimum(
                        !noTrustRequired && e.trustScore(), minPosts == null ? e.posts() : minPosts, e.days());
                b = new PlanBrief(
                        b.budget(),
                        b.currency(),
                        b.objective(),
                        b.deliverables(),
                        b.niches(),
                        b.countries(),
                        b.platforms(),
                        b.constraints().withEvidence(e),
                        b.brandRates());
            }
            PlanResponse plan = ctx.getBean(PlanService.class).plan(b);
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

    /**
     * Sends the brief as the JSON the API takes. It is read here first, so a bad field is named without a round
     * trip, and the evidence options are written into it as the local command applies them.
     */
    private int planOn(RemoteServer server, String text) throws RemoteServer.Failure {
        EvidenceMinimum e = BriefReader.read(text).constraints().evidence();
        Map<String, Object> body = new LinkedHashMap<>();
        ((Map<?, ?>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text))
                .forEach((k, v) -> body.put(String.valueOf(k), v));
        if (minPosts != null || noTrustRequired) {
            Map<String, Object> constraints = new LinkedHashMap<>();
            if (body.get("constraints") instanceof Map<?, ?> c) {
                c.forEach((k, v) -> constraints.put(String.valueOf(k), v));
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("trustScore", !noTrustRequired && e.trustScore());
            evidence.put("posts", minPosts == null ? e.posts() : minPosts);
            evidence.put("days", e.days());
            constraints.put("minEvidence", evidence);
            body.put("constraints", constraints);
        }
        JsonNode answer = server.postJson("/api/plans", body);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(server.json().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        } else {
            out.println(text(server.json().treeToValue(answer, PlanResponse.class)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String text(PlanResponse p) {
        StringBuilder sb = new StringBuilder();
        PlanExplanation x = p.explanation();
        x.warnings().forEach(w -> sb.append("WARNING: ").append(w).append('\n'));
        sb.append(String.format(
                Locale.ROOT,
                "Plan: %d creators, %,.0f of %,.0f %s, %s = %s%n",
                p.creators().size(),
                p.totalCost(),
                p.budget(),
                p.currency(),
                p.objective(),
                value(p.objective(), p.objectiveValue())));
        sb.append("Guarantee: ")
                .append(x.guaranteeSummary())
                .append(" (")
                .append(p.guarantee())
                .append(")\n");
        sb.append("Evidence minimum: ")
                .append(x.evidence().describe())
                .append("; ")
                .append(x.excludedForEvidence())
                .append(" of ")
                .append(x.candidates())
                .append(" candidates left out for too little evidence\n");
        if (x.unspentReason() != null) {
            sb.append(x.unspentReason()).append('\n');
        }
        for (PlanResponse.Creator c : p.creators()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-32s %-9s %s  cost %,.0f%s  engagements P10/P50/P90 %.0f/%.0f/%.0f  conversions %s  +%s  %s%n",
                    c.id(),
                    c.platform(),
                    String.join("+", c.deliverables()),
                    c.cost(),
                    " (" + PriceText.amount(c.price()) + (c.price().estimated() ? ", estimated" : "") + ")",
                    c.forecast().engagements().p10(),
                    c.forecast().engagements().p50(),
                    c.forecast().engagements().p90(),
                    value("conversions", c.forecast().conversions().p50()),
                    value(p.objective(), c.marginalContribution()),
                    c.reason()));
        }
        for (PlanExplanation.Addition a : x.nextBest()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "Next best: %s would add %s for %,.0f %s; not chosen: %s%n",
                    a.id(),
                    value(p.objective(), a.gain()),
                    a.cost(),
                    p.currency(),
                    a.whyNot()));
        }
        for (PlanResponse.Alternative a : p.alternatives()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "Alternative '%s': %d creators, %,.0f %s, %s = %s%n",
                    a.name(),
                    a.creators().size(),
                    a.totalCost(),
                    p.currency(),
                    a.objective(),
                    value(a.objective(), a.objectiveValue())));
        }
        x.comparisons().forEach(c -> sb.append(c).append('\n'));
        p.notes().forEach(n -> sb.append("Note: ").append(n).append('\n'));
        return sb.toString();
    }

    /** Conversions keep a decimal (0.4 is not 0); people and money are whole. */
    private static String value(String objective, double v) {
        return objective.equals("conversions") && Math.abs(v) < 10
                ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%,.0f", v);
    }
}
