package io.microreach.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one benchmark run measured, with the machine it ran on, as a printed table and as JSON. The ratio is
 * a throughput ratio (phase rows/s divided by the COPY baseline's rows/s): 0.25 means a quarter of bare COPY speed.
 */
record BenchmarkResult(
        String input,
        long inputBytes,
        int batchSize,
        long warmupLines,
        Map<String, String> environment,
        PhaseResult baseline,
        PhaseResult microreach,
        PhaseResult reimport) {

    List<PhaseResult> phases() {
        return List.of(baseline, microreach, reimport);
    }

    double ratio(PhaseResult phase) {
        double base = baseline.rowsPerSecond();
        return base <= 0 ? 0 : phase.rowsPerSecond() / base;
    }

    void print(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%nImport benchmark: %s (%.1f MiB), batch size %d, warm-up %s%n",
                input,
                inputBytes / 1048576.0,
                batchSize,
                warmupLines > 0 ? warmupLines + " lines" : "none");
        out.printf(
                Locale.ROOT,
                "%-34s %10s %9s %9s %22s %8s %8s %6s%n",
                "phase",
                "rows",
                "seconds",
                "rows/s",
                "ratio microreach/COPY",
                "cpu jvm",
                "cpu pg",
                "load");
        for (PhaseResult p : phases()) {
            out.printf(
                    Locale.ROOT,
                    "%-34s %10d %9.2f %9.0f %22.3f %8.1f %8.1f %6.2f%n",
                    p.label(),
                    p.rows(),
                    p.seconds(),
                    p.rowsPerSecond(),
                    ratio(p),
                    p.measured().clientCpuSeconds(),
                    p.measured().serverCpuSeconds(),
                    p.measured().loadAverage());
        }
        for (PhaseResult p : phases()) {
            StringBuilder rates = new StringBuilder();
            for (double rate : p.rowsPerSecondByTenth()) {
                rates.append(String.format(Locale.ROOT, " %7.0f", rate));
            }
            out.printf(Locale.ROOT, "rows/s by tenth of the file, %-34s%s%n", p.label() + ":", rates);
        }
        out.printf(
                Locale.ROOT, "stored rows: baseline %s; microreach %s%n", baseline.tableRows(), microreach.tableRows());
        out.printf(
                Locale.ROOT,
                "microreach: %d stored, %d unchanged, %d rejected, %d waiting for parent; re-import: %d stored,"
                        + " %d unchanged%n",
                microreach.changed(),
                microreach.unchanged(),
                microreach.rejected(),
                microreach.waitingForParent(),
                reimport.changed(),
                reimport.unchanged());
    }

    void writeJson(Path file) throws IOException {
        try (Writer writer = ReportFile.open(file);
                JsonGenerator json = new JsonFactory().createGenerator(writer)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("input", input);
            json.writeNumberField("inputBytes", inputBytes);
            json.writeNumberField("batchSize", batchSize);
            json.writeNumberField("warmupLines", warmupLines);
            json.writeObjectFieldStart("environment");
            for (Map.Entry<String, String> e : environment.entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeStringField("ratio", "phase rows/s divided by baseline rows/s");
            for (PhaseResult p : phases()) {
                json.writeObjectFieldStart(p.name());
                json.writeStringField("label", p.label());
                json.writeNumberField("rows", p.rows());
                json.writeNumberField("seconds", round(p.seconds(), 3));
                json.writeNumberField("rowsPerSecond", round(p.rowsPerSecond(), 1));
                json.writeNumberField("ratio", round(ratio(p), 4));
                json.writeNumberField("rejected", p.rejected());
                json.writeNumberField("changed", p.changed());
                json.writeNumberField("unchanged", p.unchanged());
                json.writeNumberField("waitingForParent", p.waitingForParent());
                json.writeNumberField("clientCpuSeconds", round(p.measured().clientCpuSeconds(), 2));
                json.writeNumberField("serverCpuSeconds", round(p.measured().serverCpuSeconds(), 2));
                json.writeNumberField("loadAverage", round(p.measured().loadAverage(), 2));
                json.writeArrayFieldStart("rowsPerSecondByTenth");
                for (double rate : p.rowsPerSecondByTenth()) {
                    json.writeNumber(Math.round(rate));
                }
                json.writeEndArray();
                json.writeObjectFieldStart("tableRows");
                for (Map.Entry<String, Long> e : p.tableRows().entrySet()) {
                    json.writeNumberField(e.getKey(), e.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
