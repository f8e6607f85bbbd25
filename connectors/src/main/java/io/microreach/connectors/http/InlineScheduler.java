package io.microreach.connectors.http;

import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each Failsafe attempt on the calling thread after the {@link Sleeper} waited the policy's delay. Failsafe's
 * synchronous API sleeps with {@code Thread.sleep}; plugging this scheduler into its async API keeps Failsafe's
 * backoff, jitter and attempt accounting while the waiting goes through the injected sleeper.
 */
final class InlineScheduler implements Scheduler {
    private final Sleeper sleeper;

    InlineScheduler(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
        FutureTask<Object> task = new FutureTask<>(callable::call);
        try {
            sleeper.sleep(Duration.ofNanos(unit.toNanos(delay)));
        } catch (InterruptedException e) {
            // the attempt still runs, with the flag set: it fails at its first wait, which completes Failsafe's
            // future exceptionally; a task never run would leave the caller waiting on that future forever
            Thread.currentThread().interrupt();
        }
        task.run();
        return new Done(task);
    }

    private record Done(FutureTask<Object> task) implements ScheduledFuture<Object> {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(0, o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return task.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return task.isCancelled();
        }

        @Override
        public boolean isDone() {
            return task.isDone();
        }

        @Override
        public Object get() throws InterruptedException, ExecutionException {
            return task.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return task.get(timeout, unit);
        }
    }
}
