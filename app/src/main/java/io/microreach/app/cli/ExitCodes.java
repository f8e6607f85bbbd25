package io.microreach.app.cli;

/** Exit codes of the command line; scripts rely on them (README, "Command line"). */
public final class ExitCodes {
    public static final int OK = 0;
    /** An unexpected failure (database down, disk full...). */
    public static final int FAILURE = 1;
    /** Unusable input or arguments: nothing was done. */
    public static final int UNUSABLE = 2;
    /** Some lines were rejected; every good line was stored. */
    public static final int SOME_REJECTED = 3;

    /** A crawl stopped before its end (request budget, quota or a stop) and can be resumed by running it again. */
    public static final int STOPPED = 4;
    /** Not an exit code: the web server keeps the JVM running. */
    static final int KEEP_RUNNING = -1;

    private ExitCodes() {}
}
