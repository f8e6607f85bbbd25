package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microreach.app.database.DatabaseStatus;
import io.microreach.app.database.EmbeddedDatabase;
import io.microreach.app.database.StoredCounts;
import io.microreach.app.home.MicroreachHome;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show where the data lives and how much is stored.")
class StatusCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            StoredCounts counts = ctx.getBean(DatabaseStatus.class).counts();
            MicroreachHome resolved = ctx.getBean(MicroreachHome.class);
            String database = ctx.getBeanProvider(EmbeddedDatabase.class).stream()
                    .findFirst()
                    .map(db -> "embedded PostgreSQL, data in " + db.dataDirectory())
                    .orElseGet(() -> "external PostgreSQL "
                            + withoutQuery(ctx.getEnvironment().getProperty("spring.datasource.url")));
            var out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode node = mapper.createObjectNode();
                node.put("home", resolved.root().toString());
                node.put("database", database);
                node.put("creators", counts.creators());
                node.put("accounts", counts.accounts());
                node.put("posts", counts.posts());
                node.put("comments", counts.comments());
                node.put("followerSamples", counts.followerSamples());
                node.put("followEdges", counts.followEdges());
                node.put("followerCounts", counts.followerCounts());
                out.println(mapper.writeValueAsString(node));
            } else {
                out.printf("home:             %s%n", resolved.root());
                out.printf("database:         %s%n", database);
                out.printf(Locale.ROOT, "creators:         %,d%n", counts.creators());
                out.printf(Locale.ROOT, "accounts:         %,d%n", counts.accounts());
                out.printf(Locale.ROOT, "posts:            %,d%n", counts.posts());
                out.printf(Locale.ROOT, "comments:         %,d%n", counts.comments());
                out.printf(Locale.ROOT, "follower samples: %,d%n", counts.followerSamples());
                out.printf(Locale.ROOT, "follow edges:     %,d%n", counts.followEdges());
                out.printf(Locale.ROOT, "follower history: %,d%n", counts.followerCounts());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** JDBC URLs may carry credentials as parameters; never print them. */
    private static String withoutQuery(String url) {
        if (url == null) {
            return "";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
