package io.microreach.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process against a test home and captures what it prints. */
final class CliRun {
    private CliRun() {}

    record Result(int code, String out, String err) {}

    static Result run(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withHome = new String[args.length + 2];
        System.arraycopy(args, 0, withHome, 0, args.length);
        withHome[args.length] = "--home";
        withHome[args.length + 1] = home.toString();
        int code = MicroreachCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), withHome);
        return new Result(code, out.toString(), err.toString());
    }
}
