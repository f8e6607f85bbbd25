package io.microreach.app.cli;

import io.microreach.app.campaigns.Campaign;
import io.microreach.app.campaigns.CampaignCreator;
import io.microreach.app.campaigns.CampaignDeliverable;
import io.microreach.app.campaigns.CampaignProblem;
import io.microreach.app.campaigns.CampaignReport;
import io.microreach.app.campaigns.CampaignReports;
import io.microreach.app.campaigns.CampaignService;
import io.microreach.app.campaigns.CampaignSettings;
import io.microreach.app.campaigns.CampaignStarter;
import io.microreach.app.campaigns.CampaignSummary;
import io.microreach.app.planner.BriefReader;
import io.microreach.planner.PlanningException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code microreach campaign …}: run a campaign from a plan and measure it. */
@Command(
        name = "campaign",
        mixinStandardHelpOptions = true,
        description = "Run campaigns: create one from a plan, track clicks, codes and orders, report results.",
        subcommands = {
            CampaignCommand.Create.class,
            CampaignCommand.ListCampaigns.class,
            CampaignCommand.Show.class,
            CampaignCommand.Move.class,
            CampaignCommand.LinkPost.class,
            CampaignCommand.Report.class,
            CampaignOrdersCommand.class,
            CampaignSecretCommand.class,
            CampaignInviteCommand.class
        })
class CampaignCommand {

    /** Runs {@code work} in a batch context and turns the campaign's problems into exit code 2 with a message. */
    private static int run(CommandSpec spec, HomeOption home, String name, Work work) {
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            PrintWriter out = spec.commandLine().getOut();
            work.run(ctx, out);
            out.flush();
            return ExitCodes.OK;
        } catch (CampaignProblem e) {
            err.println("microreach campaign " + name + ": " + e.field() + ": " + e.getMessage());
            return ExitCodes.UNUSABLE;
        } catch (PlanningException e) {
            err.println("microreach campaign " + name + ": " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
    }

    private interface Work {
        void run(ConfigurableApplicationContext ctx, PrintWriter out);
    }

    private static void printJson(ConfigurableApplicationContext ctx, PrintWriter out, Object value) {
        out.println(
                ctx.getBean(JsonMapper.class).writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    static String text(Campaign c) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "Campaign %d: %s (%s), %s, budget %,.2f %s, spend %,.2f%n",
                c.id(),
                c.name(),
                c.status(),
                c.objective(),
                c.budget(),
                c.currency(),
                c.spend()));
        sb.append("Landing page: ").append(c.landingUrl()).append('\n');
        for (CampaignCreator cc : c.creators()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-9s @%-28s %s  code %s%n",
                    cc.platform(),
                    cc.handle(),
                    cc.trackingUrl(),
                    cc.promoCode()));
            for (CampaignDeliverable d : cc.deliverables()) {
                sb.append(String.format(
                        Locale.ROOT,
                        "      #%d %-6s due %-10s %-20s%s%n",
                        d.id(),
                        d.format(),
                        d.dueOn() == null ? "-" : d.dueOn().toString(),
                        d.status().label(),
                        d.late() ? "  LATE" : ""));
            }
        }
        return sb.toString();
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Plan the brief and start a campaign with the chosen creators: each gets a tracking link and a promo"
                        + " code, and its deliverables (due two weeks after --starts, with the campaign hashtag, the"
                        + " brand mentions and the link).",
                "Exit code: 0 created, 2 unreadable brief or a bad field (the message names it)."
            })
    static class Create implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(
                names = "--from-plan",
                required = true,
                paramLabel = "BRIEF",
                description = "The plan's brief (.yaml, .yml or .json), as for 'microreach plan'.")
        Path brief;

        @Option(names = "--name", required = true, description = "The campaign's name (unique in the workspace).")
        String name;

        @Option(
                names = "--landing-url",
                required = true,
                paramLabel = "URL",
                description = "The page the tracking links lead to.")
        String landingUrl;

        @Option(names = "--hashtag", description = "The campaign hashtag (for UGC and the post checks).")
        String hashtag;

        @Option(
                names = "--brand",
                paramLabel = "HANDLE",
                description = "A brand account posts should mention (repeatable).")
        List<String> brands = new ArrayList<>();

        @Option(names = "--starts", paramLabel = "YYYY-MM-DD", description = "First day of the campaign.")
        LocalDate starts;

        @Option(names = "--ends", paramLabel = "YYYY-MM-DD", description = "Last day of the campaign.")
        LocalDate ends;

        @Option(
                names = "--attribution-days",
                paramLabel = "N",
                description = "Days a click may come before an order and still earn it (default 7).")
        Integer attributionDays;

        @Option(names = "--json", description = "Print the campaign as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String text;
            try {
                text = Files.readString(brief);
            } catch (IOException e) {
                spec.commandLine()
                        .getErr()
                        .println("microreach campaign create: cannot read brief " + brief + ": " + e.getMessage());
                return ExitCodes.UNUSABLE;
            }
            return run(spec, home, "create", (ctx, out) -> {
                Campaign c = ctx.getBean(CampaignStarter.class)
                        .fromPlan(
                                BriefReader.read(text),
                                new CampaignSettings(
                                        name, landingUrl, hashtag, brands, starts, ends, attributionDays, null, null));
                if (json) {
                    printJson(ctx, out, c);
                } else {
                    out.print(text(c));
                }
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The workspace's campaigns, newest first.")
    static class ListCampaigns implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return run(spec, home, "list", (ctx, out) -> {
                List<CampaignSummary> all = ctx.getBean(CampaignService.class).list();
                if (json) {
                    printJson(ctx, out, all);
                    return;
                }
                if (all.isEmpty()) {
                    out.println("No campaigns yet: microreach campaign create --from-plan BRIEF --name NAME"
                            + " --landing-url URL");
                }
                for (CampaignSummary s : all) {
                    out.println(String.format(
                            Locale.ROOT,
                            "%5d  %-40s %-9s %2d creators  %2d deliverables  %2d late%s",
                            s.id(),
                            s.name(),
                            s.status(),
                            s.creators(),
                            s.deliverables(),
                            s.lateDeliverables(),
                            s.demo() ? "  (demo)" : ""));
                }
            });
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "A campaign with its creators, links, codes and deliverables.")
    static class Show implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--campaign", required = true, paramLabel = "ID")
        long campaign;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return run(spec, home, "show", (ctx, out) -> {
                Campaign c = ctx.getBean(CampaignService.class).get(campaign);
                if (json) {
                    printJson(ctx, out, c);
                } else {
                    out.print(text(c));
                }
            });
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Move a deliverable to a new status: accepted, submitted, revisions_requested, approved,"
                    + " published, paid, declined or ghosted.")
    static class Move implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--campaign", required = true, paramLabel = "ID")
        long campaign;

        @Option(names = "--deliverable", required = true, paramLabel = "ID")
        long deliverable;

        @Option(names = "--to", required = true, paramLabel = "STATUS")
        String status;

        @Option(names = "--note", description = "Why, for the timeline.")
        String note;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return run(spec, home, "status", (ctx, out) -> {
                CampaignDeliverable d = ctx.getBean(CampaignService.class).move(campaign, deliverable, status, note);
                if (json) {
                    printJson(ctx, out, d);
                } else {
                    out.println(
                            "Deliverable " + d.id() + " is now " + d.status().label());
                }
            });
        }
    }

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "The campaign's results: spend, impressions, engagements, clicks, conversions, revenue, CPE,"
                    + " CPM, CPC, CPA, ROAS, ROI per creator and in all, the forecast band beside the actual, leaked"
                    + " promo codes, disclosure issues and UGC.")
    static class Report implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--campaign", required = true, paramLabel = "ID")
        long campaign;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return run(spec, home, "report", (ctx, out) -> {
                CampaignReport r = ctx.getBean(CampaignReports.class).report(campaign);
                if (json) {
                    printJson(ctx, out, r);
                } else {
                    out.print(CampaignReportText.of(r));
                }
            });
        }
    }

    @Command(
            name = "post",
            mixinStandardHelpOptions = true,
            description = "Link a deliverable to its published post (URL or platform id).")
    static class LinkPost implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--campaign", required = true, paramLabel = "ID")
        long campaign;

        @Option(names = "--deliverable", required = true, paramLabel = "ID")
        long deliverable;

        @Option(names = "--post", required = true, paramLabel = "URL|ID")
        String post;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return run(spec, home, "post", (ctx, out) -> {
                CampaignDeliverable d = ctx.getBean(CampaignService.class).linkPost(campaign, deliverable, post);
                if (json) {
                    printJson(ctx, out, d);
                } else {
                    out.println("Deliverable " + d.id() + " linked to " + d.postRef()
                            + (d.postId() == null ? " (not imported yet)" : ""));
                }
            });
        }
    }
}
