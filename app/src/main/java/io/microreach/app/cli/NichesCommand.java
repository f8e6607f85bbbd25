package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.niches.Niche;
import io.microreach.niches.NicheTaxonomy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "niches",
        mixinStandardHelpOptions = true,
        description = {"The niche taxonomy: id, name and description of every niche.", "Exit code: 0."})
class NichesCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print a JSON array of {id, name, description}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Niche> niches = NicheTaxonomy.load().niches();
        var out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, String>> rows = niches.stream()
                    .map(n -> {
                        Map<String, String> m = new LinkedHashMap<>();
                        m.put("id", n.id());
                        m.put("name", n.name());
                        m.put("description", n.description());
                        return m;
                    })
                    .toList();
            out.println(new ObjectMapper().writeValueAsString(rows));
        } else {
            for (Niche n : niches) {
                out.printf("%-22s %-34s %s%n", n.id(), n.name(), n.description());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
