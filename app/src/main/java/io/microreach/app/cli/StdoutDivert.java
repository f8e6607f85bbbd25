package io.microreach.app.cli;

import java.io.PrintStream;

/**
 * While open, {@code System.out} is standard error, so that only what a command prints through its picocli writer
 * (which holds the real standard output) reaches standard output. Loggers write to {@code System.out} (logback's
 * console appender looks the stream up on every write; java.util.logging and library loggers are bridged to it), and
 * a library that logs while a command runs (the ONNX model loader, DJL's native-library extraction, a Spring start-up
 * warning) would otherwise put its lines into {@code --json} output. Native code writing to file descriptor 1 is
 * beyond reach; the libraries used log to standard error there.
 */
final class StdoutDivert implements AutoCloseable {
    private final PrintStream original;

    private StdoutDivert(PrintStream original) {
        this.original = original;
    }

    /** Points {@code System.out} at {@code System.err} until {@link #close()}. */
    static StdoutDivert toStderr() {
        PrintStream original = System.out;
        System.out.flush();
        System.setOut(System.err);
        return new StdoutDivert(original);
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(original);
    }
}
