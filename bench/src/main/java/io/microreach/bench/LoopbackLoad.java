package io.microreach.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded load generator: {@code threads} senders, each on its own {@link LoopbackClient}, take request numbers from
 * a shared counter until {@code count} requests were sent or {@code limitMillis} passed, whichever comes first, and
 * record each request's latency. Bounded both ways so that it can never run away on a shared machine.
 */
final class LoopbackLoad {
    /** One request: sends request number {@code i} and says whether its answer was the expected one. */
    interface Request {
        boolean send(LoopbackClient client, int i) throws Exception;
    }

    /** What a run measured. */
    record Result(
            String name,
            long requests,
            long errors,
            double seconds,
            double p50Millis,
            double p99Millis,
            double maxMillis) {
        double perSecond() {
            return requests / seconds;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%-28s %,9d requests in %6.2f s = %,9.0f /s   p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %d",
                    name,
                    requests,
                    seconds,
                    perSecond(),
                    p50Millis,
                    p99Millis,
                    maxMillis,
                    errors);
        }
    }

    private LoopbackLoad() {}

    static Result run(String name, int port, int threads, int count, long limitMillis, Request request)
            throws InterruptedException {
        return run(name, port, threads, count, limitMillis, 0, request);
    }

    /**
     * With {@code perSecond > 0} the load is open: request {@code i} is due at {@code i / perSecond} seconds after
     * the start, whether or not earlier answers came back, and its latency counts from when it was due, not from
     * when a sender got round to it. A closed loop (each sender waits for its answer, then sends the next) measures
     * the server at saturation, where every request waits behind the others, and it hides a stall: the senders stop
     * sending while the server stops answering (Tene's "coordinated omission"). A rate a server must sustain is
     * measured open.
     */
    static Result run(
            String name, int port, int threads, int count, long limitMillis, double perSecond, Request request)
            throws InterruptedException {
        long interval = perSecond > 0 ? Math.round(1e9 / perSecond) : 0;
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + limitMillis * 1_000_000L;
        long[][] latencies = new long[threads][];
        long[] begin = new long[1]; // written before the senders start, which orders it before their reads
        int[] done = new int[threads];
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            senders.add(new Thread(
                    () -> {
                        int n = 0;
                        long[] mine = new long[1024];
                        try (LoopbackClient client = new LoopbackClient(port)) {
                            while (System.nanoTime() < deadline) {
                                long i = next.getAndIncrement();
                                if (i >= count) {
                                    break;
                                }
                                long start = System.nanoTime();
                                if (interval > 0) {
                                    long due = begin[0] + i * interval;
                                    while (start - due < 0) {
                                        LockSupport.parkNanos(due - start);
                                        start = System.nanoTime();
                                    }
                                    start = due;
                                }
                                boolean ok;
                                try {
                                    ok = request.send(client, (int) i);
                                } catch (Exception e) {
                                    ok = false;
                                }
                                long took = System.nanoTime() - start;
                                if (!ok) {
                                    errors.incrementAndGet();
                                }
                                if (n == mine.length) {
                                    mine = Arrays.copyOf(mine, n * 2);
                                }
                                mine[n++] = took;
                            }
                        }
                        latencies[index] = mine; // read after join(), which orders this write
                        done[index] = n;
                    },
                    name + "-" + t));
        }
        long start = System.nanoTime();
        begin[0] = start;
        senders.forEach(Thread::start);
        for (Thread t : senders) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(done).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, k, done[t]);
            k += done[t];
        }
        Arrays.sort(all);
        return new Result(
                name,
                total,
                errors.get(),
                seconds,
                percentile(all, 0.50),
                percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
