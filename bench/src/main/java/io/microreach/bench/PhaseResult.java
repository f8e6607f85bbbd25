package io.microreach.bench;

import java.util.List;
import java.util.Map;

/**
 * One timed phase.
 *
 * @param rows non-blank lines read from the input (valid or not): the unit of every rate
 * @param rejected lines the reader (or the database) refused
 * @param changed rows the phase inserted or changed; for the baseline every copied row
 * @param unchanged lines whose stored row already had the same content (microreach only)
 * @param tableRows {@code count(*)} of each target table after the phase, by table name
 * @param waitingForParent rows still waiting for their parent after the phase (microreach only, else 0)
 * @param rowsPerSecondByTenth throughput within each tenth of the file, in file order
 */
record PhaseResult(
        String name,
        String label,
        long rows,
        long rejected,
        long changed,
        long unchanged,
        PhaseClock.Measured measured,
        Map<String, Long> tableRows,
        long waitingForParent,
        List<Double> rowsPerSecondByTenth) {

    double seconds() {
        return measured.seconds();
    }

    double rowsPerSecond() {
        return seconds() <= 0 ? 0 : rows / seconds();
    }
}
