package io.microreach.app.crawl;

import java.time.Instant;
import java.util.List;

/**
 * A crawl run as pages and commands show it.
 *
 * @param state {@code running}, {@code interrupted} (marked running but no process holds it: it was killed and
 *     resumes when the same crawl is started again), {@code stopped} (budget, quota or a user's stop; resumable),
 *     {@code completed} or {@code failed}
 * @param records records fetched and stored so far
 * @param accounts accounts its discovery accepted
 */
public record CrawlRunView(
        long id,
        String source,
        String kind,
        String request,
        String state,
        String stopReason,
        long requests,
        long records,
        int accounts,
        List<String> problems,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt) {

    public CrawlRunView {
        problems = List.copyOf(problems);
    }

    public boolean resumable() {
        return state.equals("interrupted") || state.equals("stopped");
    }

    public boolean active() {
        return state.equals("running");
    }
}
