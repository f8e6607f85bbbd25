package io.microreach.connectors.youtube;

import io.microreach.connectors.ConnectorException;
import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.connectors.KnownAccount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings known channels up to date at the lowest unit cost: one {@code channels.list} per 50 channels (task {@code
 * refresh:FIRST_ID:SIZE}, whose checkpoint lists the channels whose {@code videoCount} changed), which emits every
 * channel's account and today's follower count. A channel whose video count equals the one stored costs nothing
 * more. The others get the first uploads pages until a video published at or before the newest stored post, {@code
 * videos.list} for the new videos and their comment threads, as in {@link CreatorCrawl}.
 *
 * <p>A video count can stay equal while a video was deleted and another uploaded; that swap is missed until the next
 * change of the count, the price of a refresh that costs 1 unit per 50 unchanged channels.
 */
final class Refresh {
    private final CrawlRun run;
    private final CreatorCrawl crawl;

    Refresh(CrawlRun run) {
        this.run = run;
        this.crawl = new CreatorCrawl(run);
    }

    /** Refreshes the accounts; returns the ids of the channels brought up to date in this run. */
    List<String> refresh(List<KnownAccount> accounts, List<String> done) {
        Map<String, KnownAccount> known = new HashMap<>();
        for (KnownAccount k : accounts) {
            known.putIfAbsent(k.platformId(), k);
        }
        for (int i = 0; i < accounts.size(); i += DataApi.MAX_IDS) {
            List<KnownAccount> batch = accounts.subList(i, Math.min(accounts.size(), i + DataApi.MAX_IDS));
            String task = "refresh:" + batch.get(0).platformId() + ":" + batch.size();
            CrawlCheckpoint cp = run.tasks.load(task);
            List<String> changed;
            if (cp.finished()) {
                changed = cp.emitted();
            } else {
                changed = channels(batch, done);
                if (changed == null) {
                    continue;
                }
                run.tasks.save(task, new CrawlCheckpoint(null, true, 1, changed));
            }
            for (String id : changed) {
                try {
                    crawl.content(id, known.get(id).newestPostAt());
                    done.add(id);
                } catch (ConnectorException e) {
                    run.problem("channel " + id + ": " + e.getMessage());
                }
            }
        }
        return done;
    }

    /** The channels of the batch whose video count changed, or {@code null} when the call failed. */
    private List<String> channels(List<KnownAccount> batch, List<String> done) {
        List<String> ids =
                batch.stream().map(KnownAccount::platformId).distinct().toList();
        List<Channel> found;
        try {
            found = run.api.channels(ids);
        } catch (ConnectorException e) {
            run.problem("channels " + ids + ": " + e.getMessage());
            return null;
        }
        Map<String, Channel> byId = new HashMap<>();
        for (Channel c : found) {
            byId.put(c.id(), c);
        }
        List<String> changed = new ArrayList<>();
        for (String id : ids) {
            Channel c = byId.get(id);
            if (c == null) {
                run.problem("channel " + id + " not found; deleted or terminated?");
                continue;
            }
            if (!run.emitAccount(c)) {
                continue;
            }
            crawl.remember(c);
            KnownAccount k = batch.stream()
                    .filter(a -> a.platformId().equals(id))
                    .findFirst()
                    .orElseThrow();
            if (k.postsCount() == null
                    || c.videoCount() == null
                    || !k.postsCount().equals(c.videoCount())) {
                changed.add(id);
            } else {
                done.add(id);
            }
        }
        return changed;
    }
}
