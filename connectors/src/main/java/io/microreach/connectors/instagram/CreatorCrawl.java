package io.microreach.connectors.instagram;

import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.connectors.KnownAccount;
import io.microreach.domain.Post;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fetches and refreshes creators, one Business Discovery call per page: each answer carries the profile and one
 * page of media, newest first, so a creator whose posts fit one page costs one request.
 *
 * <p>A full crawl keeps two tasks per username: {@code user:NAME} (finished once the account was emitted, its
 * Instagram id as the only emitted id, or finished empty when no professional account has the name) and {@code
 * media:NAME} (the next media cursor and the media ids emitted). A refresh keeps one task per known account,
 * {@code refresh:ID}, in the store the app scopes to one sync: its first page emits the account, today's follower
 * count and the media newer than the newest stored post, and further pages are read only while every media object
 * of a page is new. Resuming without duplicates rests on one order: a page's records go to the sink first, then the
 * checkpoint with the next cursor and the emitted ids is saved; a budget stop happens before a request, so no answer
 * is half used. Pages of one task are requested with a size that depends only on its state, so a resumed crawl sees
 * the pages an uninterrupted one saw. A cursor that comes back ends the task with a problem instead of looping.
 */
final class CreatorCrawl {
    /** Media asked for by a refresh: new posts since the last sync are few, and a small page answers faster. */
    static final int REFRESH_PAGE = 10;

    private final CrawlRun run;

    CreatorCrawl(CrawlRun run) {
        this.run = run;
    }

    /** Crawls one account; returns its Instagram id, or {@code null} when it cannot be read. */
    String crawl(String username) {
        String userTask = "user:" + username;
        String mediaTask = "media:" + username;
        CrawlCheckpoint user = run.tasks.load(userTask);
        if (user.finished() && user.emitted().isEmpty()) {
            return null;
        }
        String id = user.finished() ? user.emitted().get(0) : null;
        CrawlCheckpoint cp = run.tasks.load(mediaTask);
        int max = run.options.maxPostsPerAccount();
        Set<String> emitted = new LinkedHashSet<>(cp.emitted());
        Set<String> sent = new HashSet<>();
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished();
        while (id == null || !finished) {
            int limit = Math.min(GraphApi.MAX_PAGE, Math.max(0, max - emitted.size()));
            Discovered page;
            try {
                page = run.api.discover(username, limit, cursor, id == null);
            } catch (GraphError e) {
                if (e.kind() != GraphError.Kind.NOT_FOUND) {
                    throw e;
                }
                run.problem("account " + username + " not found as a business or creator account (" + e.getMessage()
                        + "); personal accounts are not visible to Business Discovery");
                run.finish(userTask, List.of());
                return null;
            }
            if (id == null) {
                if (!run.emitAccount(page.profile())) {
                    run.finish(userTask, List.of());
                    return null;
                }
                id = page.profile().id();
                run.finish(userTask, List.of(id));
            }
            for (Post p : page.media()) {
                if (emitted.size() < max && emitted.add(p.platformId())) {
                    run.emit(p);
                }
            }
            skipped(username, page);
            sent.add(cursor);
            String next = page.after();
            pages++;
            finished = limit == 0
                    || next == null
                    || page.media().size() + page.skipped() == 0
                    || emitted.size() >= max
                    || run.repeated(mediaTask, cursor, next, sent);
            run.tasks.save(mediaTask, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
            cursor = next;
        }
        return id;
    }

    /**
     * Brings one known account up to date; returns its id when it was read. The account is looked up by its handle
     * (Business Discovery knows no lookup by id) and the answer's id must be the known one: a username that now
     * belongs to another account is reported, not merged.
     */
    String refresh(KnownAccount known) {
        String task = "refresh:" + known.platformId();
        CrawlCheckpoint cp = run.tasks.load(task);
        if (cp.finished()) {
            return cp.emitted().isEmpty() && cp.pages() == 0 ? null : known.platformId();
        }
        String username = Usernames.normalize(known.handle());
        if (username == null) {
            run.problem("account " + known.platformId() + ": no valid Instagram username to look it up by ("
                    + known.handle() + ")");
            run.tasks.save(task, new CrawlCheckpoint(null, true, 0, List.of()));
            return null;
        }
        int max = run.options.maxPostsPerAccount();
        int pageSize = Math.min(REFRESH_PAGE, max);
        Instant newest = known.newestPostAt();
        Set<String> emitted = new LinkedHashSet<>(cp.emitted());
        Set<String> sent = new HashSet<>();
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = false;
        while (!finished) {
            int limit = Math.min(pageSize, Math.max(0, max - emitted.size()));
            Discovered page;
            try {
                page = run.api.discover(username, limit, cursor, pages == 0);
            } catch (GraphError e) {
                if (e.kind() != GraphError.Kind.NOT_FOUND) {
                    throw e;
                }
                run.problem("account " + username + " (" + known.platformId()
                        + ") not found as a business or creator account any more (" + e.getMessage() + ")");
                run.tasks.save(task, new CrawlCheckpoint(null, true, 0, List.of()));
                return null;
            }
            if (!known.platformId().equals(page.profile().id())) {
                run.problem("account " + known.platformId() + ": the username " + username + " now belongs to "
                        + page.profile().id() + "; not refreshed");
                run.tasks.save(task, new CrawlCheckpoint(null, true, 0, List.of()));
                return null;
            }
            if (pages == 0 && !run.emitAccount(page.profile())) {
                run.tasks.save(task, new CrawlCheckpoint(null, true, 0, List.of()));
                return null;
            }
            boolean allNew = !page.media().isEmpty();
            for (Post p : page.media()) {
                boolean isNew = newest == null || p.publishedAt().isAfter(newest);
                allNew &= isNew;
                if (isNew && emitted.size() < max && emitted.add(p.platformId())) {
                    run.emit(p);
                }
            }
            skipped(username, page);
            sent.add(cursor);
            String next = page.after();
            pages++;
            finished = limit == 0
                    || !allNew
                    || next == null
                    || emitted.size() >= max
                    || run.repeated(task, cursor, next, sent);
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
            cursor = next;
        }
        return known.platformId();
    }

    private void skipped(String username, Discovered page) {
        if (page.skipped() > 0) {
            run.problem("account " + username + ": " + page.skipped()
                    + " media without an id, a timestamp or a known media_type skipped");
        }
    }
}
