package io.microreach.app.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar on stderr with rate and ETA. On a terminal it redraws in place; in a log (CI, pipes) it
 * prints a line every 10% so logs stay readable. Written here rather than pulled in: it is forty lines and the
 * progress-bar libraries bring terminal handling we do not need.
 */
final class ConsoleProgress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final String unit;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private int lastDecile = -1;

    ConsoleProgress(PrintStream out, String label, String unit) {
        this.out = out;
        this.label = label;
        this.unit = unit;
        this.interactive = System.console() != null;
    }

    /** {@code done} of {@code total} items, shown as the count (a total of 0 shows as complete). */
    void count(long done, long total) {
        update(total == 0 ? 1 : (double) done / total, done);
    }

    /** The seconds a report's rate is computed over: at least a millisecond, so a rate is never infinite. */
    static double seconds(Duration elapsed) {
        return Math.max(1, elapsed.toMillis()) / 1000.0;
    }

    /** @param fraction done, 0..1 @param count items processed so far (rows, creators) */
    void update(double fraction, long count) {
        fraction = Math.max(0, Math.min(1, fraction));
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = seconds > 0 ? count / seconds : 0;
        String eta =
                fraction > 0.001 ? format(Duration.ofMillis((long) (seconds * (1 - fraction) / fraction * 1000))) : "?";
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format(
                Locale.ROOT,
                "%s [%s%s] %3.0f%% %,d %s %,.0f %s/s ETA %s",
                label,
                "=".repeat(filled),
                " ".repeat(WIDTH - filled),
                fraction * 100,
                count,
                unit,
                rate,
                unit,
                eta);
        if (interactive) {
            out.print("\r" + line);
        } else {
            int decile = (int) (fraction * 10);
            if (decile > lastDecile) {
                lastDecile = decile;
                out.println(line);
            }
        }
        out.flush();
    }

    void done() {
        if (interactive) {
            out.println();
        }
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
