package io.microreach.app.cli;

import io.microreach.app.tracking.OrderCsvImport;
import io.microreach.app.tracking.OrderImportSummary;
import io.microreach.app.tracking.OrderLineError;
import io.microreach.app.tracking.OrderProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code microreach campaign orders FILE.csv}: orders from a CSV file, credited to creators as they arrive. */
@Command(
        name = "orders",
        mixinStandardHelpOptions = true,
        description = {
            "Import orders from a CSV file: columns order_id,created_at,total,currency[,promo_code,click_id,updated_at]",
            "(header required, other columns ignored). Bad lines are named; good lines are stored once per order_id,",
            "so importing a file again changes nothing. Exit 3 when some lines were rejected."
        })
class CampaignOrdersCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Parameters(paramLabel = "FILE.csv", description = "The orders.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object: stored, updated, unchanged, rejected, errors[].")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file)) {
            err.println("microreach campaign orders: cannot read " + file);
            return ExitCodes.UNUSABLE;
        }
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home);
                Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            OrderImportSummary s;
            try {
                s = ctx.getBean(OrderCsvImport.class).importCurrent(in);
            } catch (OrderProblem p) {
                err.println("microreach campaign orders: " + file + ": " + p.getMessage());
                return ExitCodes.UNUSABLE;
            }
            if (json) {
                ObjectNode n = JsonMapper.builder().build().createObjectNode();
                n.put("stored", s.stored());
                n.put("updated", s.updated());
                n.put("unchanged", s.unchanged());
                n.put("rejected", s.rejected());
                ArrayNode errors = n.putArray("errors");
                for (OrderLineError e : s.errors()) {
                    errors.addObject()
                            .put("line", e.line())
                            .put("field", e.field())
                            .put("reason", e.reason());
                }
                out.println(n);
            } else {
                out.printf(
                        "%d stored, %d updated, %d unchanged, %d rejected%n",
                        s.stored(), s.updated(), s.unchanged(), s.rejected());
                for (OrderLineError e : s.errors()) {
                    err.println(file + ": " + e);
                }
            }
            return s.rejected() > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
        } catch (IOException e) {
            err.println("microreach campaign orders: " + file + ": " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
    }
}
