package io.microreach.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used by the benchmark's two processes. Wall time is what users feel, but on a shared machine it also
 * measures the neighbours; CPU seconds per phase stay comparable between runs and show on which side of the
 * connection the work happens.
 */
final class ProcessCpu {
    // USER_HZ: 100 on every mainstream Linux build; /proc reports times in these ticks.
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    /** CPU seconds of this JVM so far (all threads, GC and JIT included); NaN when the JVM does not say. */
    static double jvmSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }

    /**
     * CPU nanoseconds of the calling thread so far (no JIT or GC threads): the cost of work that runs on one thread;
     * wall-clock nanoseconds where the JVM cannot measure thread CPU.
     */
    static long threadNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * CPU seconds of the PostgreSQL server so far: the postmaster, its live children (backends, WAL writer,
     * checkpointer, autovacuum) and the children it has already reaped, which Linux adds to the postmaster's
     * {@code cutime/cstime}. NaN where there is no /proc.
     */
    static double postgresSeconds(Path dataDirectory) {
        try {
            List<String> pidFile = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            long postmaster = Long.parseLong(pidFile.get(0).trim());
            long[] own = stat(Path.of("/proc", String.valueOf(postmaster), "stat"));
            if (own == null) {
                return Double.NaN;
            }
            long ticks = own[1] + own[2] + own[3] + own[4];
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) processes::iterator) {
                    if (p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        long[] child = stat(p.resolve("stat"));
                        if (child != null && child[0] == postmaster) {
                            ticks += child[1] + child[2];
                        }
                    }
                }
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds of another process so far (all its threads and reaped children); NaN where there is no /proc. */
    static double processSeconds(long pid) {
        long[] own = stat(Path.of("/proc", String.valueOf(pid), "stat"));
        return own == null ? Double.NaN : (own[1] + own[2] + own[3] + own[4]) / TICKS_PER_SECOND;
    }

    /** {ppid, utime, stime, cutime, cstime} from /proc/PID/stat, or null if the process is gone. */
    private static long[] stat(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return null;
        }
        // The command name in parentheses may contain spaces; the numeric fields start after the last ')'.
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return new long[] {
            Long.parseLong(f[1]),
            Long.parseLong(f[11]),
            Long.parseLong(f[12]),
            Long.parseLong(f[13]),
            Long.parseLong(f[14])
        };
    }
}
