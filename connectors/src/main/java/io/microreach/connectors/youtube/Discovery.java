package io.microreach.connectors.youtube;

import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.connectors.DiscoveryQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds channels within the follower band by keyword: {@code search.list} for channels ({@code type=channel}) whose
 * name or description match, then for videos ({@code type=video}) that match, taking each video's channel. Search
 * results carry no statistics, so candidates are checked 50 at a time with {@code channels.list}, and only those in
 * the band with a visible subscriber count are accepted and emitted. Each search task remembers the candidates it
 * checked and the accepted set is its own task ({@code accepted:QUERY}), saved with each batch, so a restarted
 * discovery emits no channel twice; the channel ids of a page wait in {@code TASK:page} until they are checked, so a
 * stop between a search and its check does not pay for the search again. A search page costs 100 units (a check 1), so each search reads at most {@link
 * #MAX_SEARCH_PAGES} pages; the quota, the account budget and the request budget stop it earlier.
 *
 * <p>YouTube has no public follow graph (subscriptions are private by default and a channel's subscribers are not
 * listed at all), so a seed query finds nothing: it completes with a problem saying so.
 */
final class Discovery {
    static final int MAX_SEARCH_PAGES = 5;

    private final CrawlRun run;
    private final String key;
    private final Set<String> accepted;
    private final List<String> acceptedThisRun = new ArrayList<>();

    Discovery(CrawlRun run, DiscoveryQuery query) {
        this.run = run;
        this.key = query.kind().name().toLowerCase(Locale.ROOT) + ":" + query.value() + ":" + query.depth();
        this.accepted = new LinkedHashSet<>(run.tasks.load("accepted:" + key).emitted());
    }

    List<String> acceptedThisRun() {
        return acceptedThisRun;
    }

    boolean full() {
        return accepted.size() >= run.options.maxAccounts();
    }

    void keyword(String keyword) {
        walk("search-channels:" + key, keyword, "channel");
        if (!full()) {
            walk("search-videos:" + key, keyword, "video");
        }
    }

    void seed(String seed) {
        run.problems.add("seed " + seed + ": YouTube has no public follow graph (subscriber lists are not in the API"
                + " and subscriptions are private by default); seed discovery is unavailable from this source, use"
                + " a keyword");
    }

    private void walk(String task, String keyword, String type) {
        CrawlCheckpoint cp = run.tasks.load(task);
        Set<String> checked = new LinkedHashSet<>(cp.emitted());
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished();
        Set<String> sent = new HashSet<>();
        String pageTask = task + ":page";
        while (!finished && !full()) {
            CrawlCheckpoint pending = run.tasks.load(pageTask);
            List<String> ids;
            String next;
            if (pending.pages() == pages + 1 && !pending.emitted().isEmpty()) {
                // this page was read before a stop: a search costs 100 units, so its channels are not asked again
                ids = pending.emitted();
                next = pending.cursor();
            } else {
                Page<String> page = run.api.search(keyword, type, cursor);
                ids = page.items();
                next = page.nextPageToken();
                if (!ids.isEmpty()) {
                    run.tasks.save(pageTask, new CrawlCheckpoint(next, false, pages + 1, ids));
                }
            }
            List<String> fresh = new ArrayList<>();
            for (String id : ids) {
                if (!checked.contains(id) && !accepted.contains(id) && !fresh.contains(id)) {
                    fresh.add(id);
                }
            }
            for (int i = 0; i < fresh.size() && !full(); i += DataApi.MAX_IDS) {
                List<String> batch = fresh.subList(i, Math.min(fresh.size(), i + DataApi.MAX_IDS));
                Set<String> seen = new LinkedHashSet<>();
                for (Channel c : run.api.channels(batch)) {
                    if (full()) {
                        break; // the rest stays unchecked, for a later run with a larger account budget
                    }
                    seen.add(c.id());
                    if (c.subscribers() == null) {
                        run.problems.add("candidate " + c.id() + " hides its subscriber count; skipped");
                    } else if (run.options.inBand(c.subscribers())
                            && !accepted.contains(c.id())
                            && run.emitAccount(c)) {
                        accepted.add(c.id());
                        acceptedThisRun.add(c.id());
                    }
                }
                checked.addAll(full() ? seen : batch);
                // the accepted set first: a stop between the two saves re-checks the batch but emits nothing twice
                run.tasks.save("accepted:" + key, new CrawlCheckpoint(null, false, 0, List.copyOf(accepted)));
                run.tasks.save(task, new CrawlCheckpoint(cursor, false, pages, List.copyOf(checked)));
            }
            if (full() && !checked.containsAll(fresh)) {
                break; // the rest of this page stays unchecked: the task stays open at this page
            }
            sent.add(cursor);
            pages++;
            finished = next == null || ids.isEmpty() || pages >= MAX_SEARCH_PAGES;
            if (!finished && sent.contains(next)) {
                run.problems.add(task + ": the page token " + next + " came back; stopped paging instead of looping");
                finished = true;
            }
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(checked)));
            cursor = next;
        }
    }
}
