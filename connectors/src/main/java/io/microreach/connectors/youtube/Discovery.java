package io.microreach.connectors.youtube;

import io.microreach.connectors.AcceptedAccounts;
import io.microreach.connectors.ConnectorException;
import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.connectors.Discoverer;
import io.microreach.connectors.DiscoveryQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds channels within the follower band, by keyword or by snowball from a seed channel.
 *
 * <p>Keyword: {@code search.list} for channels ({@code type=channel}) whose name or description match, then for
 * videos ({@code type=video}) that match, taking each video's channel. A search page costs 100 units, so each search
 * reads at most {@link #MAX_SEARCH_PAGES} pages; the quota, the account budget and the request budget stop it earlier.
 *
 * <p>Seed: YouTube lists no channel's subscribers, but two documented lists say whom a creator points to: the
 * channel's public subscriptions ({@code subscriptions.list} with {@code channelId}; a channel that keeps them private,
 * the default, answers 403 {@code subscriptionForbidden}, which is a problem, not a failure) and the
 * channels it features on its page ({@code channelSections.list}, sections of type {@code multipleChannels}). Both are
 * read for the seed and, at depth 2 and beyond, for the channels accepted at the previous hop; subscription pages are
 * capped by {@link io.microreach.connectors.CrawlOptions#maxFollowsPagesPerFollower()}. The seed itself is never
 * accepted.
 *
 * <p>List results carry no statistics, so candidates are checked 50 at a time with {@code channels.list}, and only
 * those in the band with a visible subscriber count are accepted and emitted. Each list task remembers the candidates
 * it checked and the accepted set is its own task ({@code accepted:QUERY}), saved with each batch, so a restarted
 * discovery emits no channel twice; the channel ids of a page wait in {@code TASK:page} until they are checked, so a
 * stop between a list call and its check does not pay for the list again.
 */
final class Discovery implements Discoverer {
    static final int MAX_SEARCH_PAGES = 5;

    private final CrawlRun run;
    private final String key;
    private final AcceptedAccounts accepted;
    private String seedId;

    Discovery(CrawlRun run, DiscoveryQuery query) {
        this.run = run;
        this.key = query.kind().name().toLowerCase(Locale.ROOT) + ":" + query.value() + ":" + query.depth();
        this.accepted = new AcceptedAccounts(run.tasks, key, run.options.maxAccounts());
    }

    @Override
    public List<String> acceptedThisRun() {
        return accepted.thisRun();
    }

    @Override
    public boolean full() {
        return accepted.full();
    }

    @Override
    public void keyword(String keyword) {
        walk("search-channels:" + key, cursor -> run.api.search(keyword, "channel", cursor), MAX_SEARCH_PAGES);
        if (!full()) {
            walk("search-videos:" + key, cursor -> run.api.search(keyword, "video", cursor), MAX_SEARCH_PAGES);
        }
    }

    @Override
    public void snowball(String seed, int depth) {
        seedId = seedId(seed);
        if (seedId == null) {
            return;
        }
        Set<String> visited = new HashSet<>(List.of(seedId));
        List<String> frontier = List.of(seedId);
        int maxPages = Math.max(1, run.options.maxFollowsPagesPerFollower());
        for (int hop = 1; hop <= depth && !frontier.isEmpty() && !full(); hop++) {
            List<String> next = new ArrayList<>();
            for (String channel : frontier) {
                if (full()) {
                    break;
                }
                List<String> checked = new ArrayList<>(walk(
                        "subscriptions-of:" + key + ":" + channel, cursor -> subscriptions(channel, cursor), maxPages));
                if (!full()) {
                    checked.addAll(
                            walk("featured-by:" + key + ":" + channel, cursor -> run.api.featuredChannels(channel), 1));
                }
                for (String c : checked) {
                    if (accepted.contains(c) && visited.add(c)) {
                        next.add(c);
                    }
                }
            }
            frontier = next;
        }
    }

    /** The seed's channel id, resolved once (a handle costs one call) and kept in task {@code seed:QUERY}. */
    private String seedId(String seed) {
        String task = "seed:" + key;
        CrawlCheckpoint cp = run.tasks.load(task);
        if (cp.finished()) {
            return cp.emitted().isEmpty() ? null : cp.emitted().get(0);
        }
        ChannelRef ref = ChannelRef.parse(seed);
        String id;
        if (ref == null) {
            run.problem("seed " + seed + " names no YouTube channel");
            id = null;
        } else if (ref.id() != null) {
            id = ref.id();
        } else {
            Channel c = run.api.channelByHandle(ref.handle());
            if (c == null) {
                run.problem("seed " + seed + " not found");
            }
            id = c == null ? null : c.id();
        }
        run.tasks.save(task, new CrawlCheckpoint(null, true, 1, id == null ? List.of() : List.of(id)));
        return id;
    }

    /** A page of public subscriptions; private ones are a problem and an empty list. */
    private Page<String> subscriptions(String channel, String cursor) {
        try {
            return run.api.subscriptions(channel, cursor);
        } catch (ConnectorException e) {
            String reason = DataApi.reason(e);
            if (e.status() == 403 && "subscriptionForbidden".equals(reason)) {
                run.problem("channel " + channel + " keeps its subscriptions private; only its featured"
                        + " channels are followed");
                return new Page<>(List.of(), null);
            }
            if (e.status() == 404) {
                run.problem("channel " + channel + " not found for its subscriptions (" + reason + ")");
                return new Page<>(List.of(), null);
            }
            throw e;
        }
    }

    /** Pages through one candidate list, checking new candidates; returns every candidate the task has checked. */
    private List<String> walk(String task, Function<String, Page<String>> list, int maxPages) {
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
                Page<String> page = list.apply(cursor);
                ids = page.items();
                next = page.nextPageToken();
                if (!ids.isEmpty()) {
                    run.tasks.save(pageTask, new CrawlCheckpoint(next, false, pages + 1, ids));
                }
            }
            List<String> fresh = new ArrayList<>();
            for (String id : ids) {
                if (!checked.contains(id) && !accepted.contains(id) && !fresh.contains(id) && !id.equals(seedId)) {
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
                        run.problem("candidate " + c.id() + " hides its subscriber count; skipped");
                    } else if (run.options.inBand(c.subscribers())
                            && !accepted.contains(c.id())
                            && run.emitAccount(c)) {
                        accepted.add(c.id());
                    }
                }
                checked.addAll(full() ? seen : batch);
                // the accepted set first: a stop between the two saves re-checks the batch but emits nothing twice
                accepted.save();
                run.tasks.save(task, new CrawlCheckpoint(cursor, false, pages, List.copyOf(checked)));
            }
            if (full() && !checked.containsAll(fresh)) {
                break; // the rest of this page stays unchecked: the task stays open at this page
            }
            sent.add(cursor);
            pages++;
            finished = next == null || ids.isEmpty() || pages >= maxPages;
            if (!finished && sent.contains(next)) {
                run.problem(task + ": the page token " + next + " came back; stopped paging instead of looping");
                finished = true;
            }
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(checked)));
            cursor = next;
        }
        return List.copyOf(checked);
    }
}
