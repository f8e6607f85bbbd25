package io.microreach.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/** Wall clock and CPU time of both processes over one phase. */
final class PhaseClock {
    // Long enough for the postmaster to reap the phase's closed backend, whose CPU only then reaches cutime.
    private static final long REAP_WAIT_MILLIS = 300;

    private final Path dataDirectory;
    private final long startNanos;
    private final double startJvm;
    private final double startPostgres;

    private PhaseClock(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.startJvm = ProcessCpu.jvmSeconds();
        this.startPostgres = ProcessCpu.postgresSeconds(dataDirectory);
        this.startNanos = System.nanoTime();
    }

    static PhaseClock start(Path dataDirectory) {
        return new PhaseClock(dataDirectory);
    }

    /** Runs {@code work} on a clock of its own: what it returned and what it cost. */
    static <T> Timed<T> measure(Path dataDirectory, Work<T> work) throws Exception {
        PhaseClock clock = start(dataDirectory);
        T value = work.run();
        return new Timed<>(value, clock.stop());
    }

    /** Seconds of wall time since {@code startNanos} (a {@link System#nanoTime} reading). */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Stops the wall clock first, so that waiting for CPU accounting is not timed. */
    Measured stop() throws InterruptedException {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double jvm = ProcessCpu.jvmSeconds() - startJvm;
        Thread.sleep(REAP_WAIT_MILLIS);
        double postgres = ProcessCpu.postgresSeconds(dataDirectory) - startPostgres;
        return new Measured(
                seconds,
                jvm,
                postgres,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * What one phase cost.
     *
     * @param clientCpuSeconds CPU of the benchmark JVM: reading, parsing, building COPY data
     * @param serverCpuSeconds CPU of all PostgreSQL processes (the backend plus WAL writer, checkpointer, autovacuum)
     * @param loadAverage the machine's 1-minute load average at the end: clearly above what the benchmark itself
     *     uses (about 2: the JVM and one PostgreSQL backend) means something else competed for the CPUs
     */
    record Measured(double seconds, double clientCpuSeconds, double serverCpuSeconds, double loadAverage) {}

    /** The work of one timed phase. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** What a phase's work returned (a count, a report) and what the phase cost. */
    record Timed<T>(T value, Measured measured) {}
}
