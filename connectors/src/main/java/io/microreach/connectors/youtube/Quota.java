package io.microreach.connectors.youtube;

import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.connectors.SourceTasks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The project's daily quota of API units. YouTube charges every call by its method, not by its result (a list call 1
 * unit, {@code search.list} 100) and resets the count at midnight Pacific Time. The units spent on a Pacific day are
 * kept in the crawl state as task {@code quota:YYYY-MM-DD} (the count in the checkpoint's cursor), so a restarted
 * crawl knows what the day has already cost. A call that would pass the quota is not sent; a server that says the
 * quota is spent ({@code quotaExceeded}, {@code dailyLimitExceeded}) marks the day as spent. Either way the crawl
 * stops with {@link Exhausted}, whose message names the reset time.
 */
final class Quota {
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private final SourceTasks tasks;
    private final Clock clock;
    private final long daily;

    Quota(SourceTasks tasks, Clock clock, long daily) {
        this.tasks = tasks;
        this.clock = clock;
        this.daily = daily;
    }

    /** Throws {@link Exhausted} when {@code units} more would pass today's quota; spends nothing. */
    void check(int units) {
        LocalDate day = today();
        long spent = spent(day);
        if (spent + units > daily) {
            throw exhausted(day, spent);
        }
    }

    void spend(int units) {
        LocalDate day = today();
        save(day, spent(day) + units);
    }

    /** The server says today's quota is spent: record it, so that no further call is sent today. */
    Exhausted spentByServer(String reason) {
        LocalDate day = today();
        save(day, Math.max(daily, spent(day)));
        return new Exhausted("YouTube answered " + reason + ": the daily quota for " + day + " (Pacific Time) is spent;"
                + " it resets at " + resetAt(day) + " (midnight America/Los_Angeles)");
    }

    long spentToday() {
        return spent(today());
    }

    private Exhausted exhausted(LocalDate day, long spent) {
        return new Exhausted("daily YouTube quota of " + daily + " units for " + day + " (Pacific Time) would be"
                + " passed (" + spent + " spent); it resets at " + resetAt(day) + " (midnight America/Los_Angeles)");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PACIFIC);
    }

    private static Instant resetAt(LocalDate day) {
        return day.plusDays(1).atStartOfDay(PACIFIC).toInstant();
    }

    private long spent(LocalDate day) {
        String units = tasks.load(task(day)).cursor();
        return units == null ? 0 : Long.parseLong(units);
    }

    private void save(LocalDate day, long units) {
        tasks.save(task(day), new CrawlCheckpoint(Long.toString(units), false, 0, List.of()));
    }

    private static String task(LocalDate day) {
        return "quota:" + day;
    }

    /** The quota is spent; unwinds the crawl to its entry point, which reports {@code QUOTA}. */
    static final class Exhausted extends RuntimeException {
        Exhausted(String message) {
            super(message, null, false, false);
        }
    }
}
