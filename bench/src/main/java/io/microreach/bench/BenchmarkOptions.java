package io.microreach.bench;

import java.nio.file.Path;

/**
 * Command-line options of {@link ImportBenchmark}.
 *
 * @param warmupLines lines of the input's beginning used for the warm-up run; 0 means no warm-up
 * @param home folder for the embedded database; {@code null} means a fresh temporary folder, deleted afterwards
 */
record BenchmarkOptions(Path input, int batchSize, long warmupLines, Path report, Path home) {
    static final int DEFAULT_BATCH_SIZE = 20_000;
    static final long DEFAULT_WARMUP_LINES = 100_000;
    static final Path DEFAULT_REPORT = Path.of("bench", "target", "import-benchmark.json");

    static final String USAGE = String.join(
            "\n",
            "usage: ImportBenchmark --input FILE [--batch-size N] [--warmup] [--warmup-lines N] [--report FILE]"
                    + " [--home DIR]",
            "  --input FILE       JSONL (or CSV, optionally .gz) file in the import format; required",
            "  --batch-size N     records per transaction on both sides (default " + DEFAULT_BATCH_SIZE + ")",
            "  --warmup           first run both sides on the file's first lines, then empty the tables",
            "  --warmup-lines N   lines for the warm-up (default " + DEFAULT_WARMUP_LINES + "; implies --warmup)",
            "  --report FILE      JSON report (default " + DEFAULT_REPORT + ")",
            "  --home DIR         home folder for the embedded PostgreSQL (default: a temporary folder that is"
                    + " deleted afterwards)");

    static BenchmarkOptions parse(String... args) {
        Path input = null;
        int batchSize = DEFAULT_BATCH_SIZE;
        boolean warmup = false;
        long warmupLines = DEFAULT_WARMUP_LINES;
        Path report = DEFAULT_REPORT;
        Path home = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--input" -> input = Path.of(value(args, ++i, arg));
                case "--batch-size" -> batchSize = (int) positive(value(args, ++i, arg), arg);
                case "--warmup" -> warmup = true;
                case "--warmup-lines" -> {
                    warmupLines = positive(value(args, ++i, arg), arg);
                    warmup = true;
                }
                case "--report" -> report = Path.of(value(args, ++i, arg));
                case "--home" -> home = Path.of(value(args, ++i, arg));
                case "--help", "-h" -> throw new HelpRequested();
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (input == null) {
            throw new IllegalArgumentException("--input FILE is required");
        }
        return new BenchmarkOptions(input, batchSize, warmup ? warmupLines : 0, report, home);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long positive(String value, String option) {
        long n;
        try {
            n = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a whole number, got " + value);
        }
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be between 1 and " + Integer.MAX_VALUE + ", got " + n);
        }
        return n;
    }

    /** {@code --help}: not an error, but no benchmark either. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
