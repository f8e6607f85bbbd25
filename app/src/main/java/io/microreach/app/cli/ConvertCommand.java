package io.microreach.app.cli;

import io.microreach.realdata.ConversionSummary;
import io.microreach.realdata.RealDataConverter;
import io.microreach.realdata.RealDataNotFoundException;
import io.microreach.realdata.RealDataSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = {
            "Convert a real public data set (see docs/real-data.md) into the JSONL import format; then run 'import'.",
            "Exit code: 0 converted, 2 unknown data set or missing source folder."
        })
class ConvertCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "SET",
            description = "Data set: instafake or instagram-reach.")
    String from;

    @Option(
            names = "--source",
            required = true,
            paramLabel = "DIR",
            description = "Folder of the data set, e.g. ../shared/data/instafake.")
    Path source;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "JSONL file to write (.jsonl or .jsonl.gz).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var set = RealDataSet.fromName(from);
        if (set.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("microreach convert: unknown data set '" + from + "'; expected one of "
                            + RealDataSet.cliNames());
            return ExitCodes.UNUSABLE;
        }
        try {
            ConversionSummary summary = new RealDataConverter().convert(set.get(), source, out);
            spec.commandLine().getOut().println(summary.describe());
            return ExitCodes.OK;
        } catch (RealDataNotFoundException e) {
            spec.commandLine().getErr().println("microreach convert: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
    }
}
