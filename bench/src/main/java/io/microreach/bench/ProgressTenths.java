package io.microreach.bench;

import io.microreach.app.importer.ImportProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput per tenth of the input file. A whole-file rate hides whether a phase slows down as the tables grow;
 * per-row cost that rises with table size shows up here as falling rates from the first tenth to the last.
 */
final class ProgressTenths implements ImportProgress {
    private static final int PARTS = 10;

    private final long startNanos = System.nanoTime();
    private final double[] seconds = new double[PARTS];
    private final long[] lines = new long[PARTS];
    private int reached;

    @Override
    public void update(long bytesRead, long totalBytes, long linesRead) {
        double now = (System.nanoTime() - startNanos) / 1e9;
        while (reached < PARTS && bytesRead >= totalBytes * (reached + 1) / PARTS) {
            seconds[reached] = now;
            lines[reached] = linesRead;
            reached++;
        }
    }

    /**
     * Lines per second within each tenth reached (the last tenth includes whatever runs after the last read).
     * Tenths crossed by one progress report share the rate of their common span.
     */
    List<Double> rowsPerSecond() {
        List<Double> rates = new ArrayList<>();
        int i = 0;
        while (i < reached) {
            int j = i;
            while (j + 1 < reached && seconds[j + 1] == seconds[i]) {
                j++;
            }
            double dt = seconds[j] - (i == 0 ? 0 : seconds[i - 1]);
            long dl = lines[j] - (i == 0 ? 0 : lines[i - 1]);
            for (int k = i; k <= j; k++) {
                rates.add(dt <= 0 ? 0 : dl / dt);
            }
            i = j + 1;
        }
        return rates;
    }
}
