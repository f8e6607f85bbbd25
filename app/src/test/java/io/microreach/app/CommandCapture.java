package io.microreach.app;

import io.microreach.app.cli.MicroreachCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs a command as {@code microreach ARGS --home HOME} in this JVM and captures the real {@code System.out} and
 * {@code System.err}, as a shell pipe would see them (log lines included).
 */
public final class CommandCapture {
    private CommandCapture() {}

    public record Captured(int code, String stdout, String stderr) {}

    /** Like {@link #run}, with {@code input} as standard input (a password piped in, say). */
    public static Captured runWithInput(Path home, String input, String... args) {
        java.io.InputStream realIn = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return run(home, args);
        } finally {
            System.setIn(realIn);
        }
    }

    public static Captured run(Path home, String... args) {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withHome = new String[args.length + 2];
        System.arraycopy(args, 0, withHome, 0, args.length);
        withHome[args.length] = "--home";
        withHome[args.length + 1] = home.toString();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = MicroreachCommand.run(withHome);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
