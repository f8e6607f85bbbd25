package io.microreach.app.cli;

import io.microreach.app.campaigns.CampaignProblem;
import io.microreach.app.outreach.Delivery;
import io.microreach.app.outreach.InvitationResult;
import io.microreach.app.outreach.OutreachProblem;
import io.microreach.app.outreach.OutreachService;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code microreach campaign invite}: e-mail invitations to a campaign's creators. */
@Command(
        name = "invite",
        mixinStandardHelpOptions = true,
        description = {
            "E-mail the invitation (the workspace's template) to the named creators, or to every creator of the"
                    + " campaign not yet invited. Creators without a contact e-mail are skipped with the reason.",
            "Needs an SMTP server: spring.mail.host (and port, username, password) and microreach.mail.from.",
            "Exit code: 0 done (see failed and skipped), 2 unknown campaign or creator, or e-mail not configured."
        })
class CampaignInviteCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--campaign", required = true, paramLabel = "ID")
    long campaign;

    @Option(
            names = "--creator",
            paramLabel = "ID",
            description = "A campaign creator's id (repeatable); none: every creator not yet invited.")
    List<Long> creators;

    @Option(names = "--json", description = "Print JSON: sent, failed and skipped, each with the reason.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            PrintWriter out = spec.commandLine().getOut();
            InvitationResult result = ctx.getBean(OutreachService.class).invite(campaign, creators);
            if (json) {
                out.println(ctx.getBean(JsonMapper.class)
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(result));
            } else {
                out.print(text(result));
            }
            out.flush();
            return ExitCodes.OK;
        } catch (CampaignProblem e) {
            err.println("microreach campaign invite: " + e.field() + ": " + e.getMessage());
            return ExitCodes.UNUSABLE;
        } catch (OutreachProblem e) {
            err.println("microreach campaign invite: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
    }

    static String text(InvitationResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.sent().size())
                .append(" sent, ")
                .append(r.failed().size())
                .append(" failed, ")
                .append(r.skipped().size())
                .append(" skipped\n");
        for (Delivery d : r.sent()) {
            sb.append("  sent     @")
                    .append(d.handle())
                    .append(" <")
                    .append(d.to())
                    .append(">\n");
        }
        for (Delivery d : r.failed()) {
            sb.append("  failed   @")
                    .append(d.handle())
                    .append(": ")
                    .append(d.reason())
                    .append('\n');
        }
        for (Delivery d : r.skipped()) {
            sb.append("  skipped  @")
                    .append(d.handle())
                    .append(": ")
                    .append(d.reason())
                    .append('\n');
        }
        return sb.toString();
    }
}
