package io.microreach.connectors.youtube;

import io.microreach.connectors.ConnectorException;
import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.domain.Comment;
import io.microreach.domain.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fetches creators in resumable steps, each a task with its own checkpoint: the channel ({@code channel:UC…}, or
 * {@code handle:@name} for a handle; the checkpoint keeps the uploads playlist as its cursor), the uploads ({@code
 * uploads:UC…}: a {@code playlistItems.list} page, then {@code videos.list} for its videos, remembering the videos
 * that may have comments in {@code threads:UC…}) and the comment threads of those videos ({@code comments:VIDEO}).
 *
 * <p>Channels named by id are fetched 50 a call; a handle costs one call ({@code forHandle} takes one). Resuming
 * without duplicates rests on one order, as for every connector: a page's records go to the sink first, then the
 * checkpoint with the next page token and the emitted ids is saved. A budget or quota stop happens before a request.
 * An uploads page is read and its videos asked in two calls; the page's video ids wait in {@code uploads-page:UC…}
 * between them, so a stop in between costs no repeated request (quota units are the scarce resource). A page token
 * that the task already sent in this run ends the task with a problem instead of looping.
 *
 * <p>Comment threads: only videos whose {@code commentCount} is positive or unreported are asked (an unreported count
 * usually means comments are off, and the 403 {@code commentsDisabled} that follows is a problem for that video, not
 * a failure of the crawl). At most {@link #MAX_COMMENT_PAGES} pages of 100 threads are read per video, newest first
 * (the API's default order). A thread carries a subset of its replies (the API documents that it may not send all);
 * when {@code totalReplyCount} says there are more, {@code comments.list} with {@code parentId} fetches them (task
 * {@code replies:COMMENT}, at most {@link #MAX_REPLY_PAGES} pages of 100), because the creator's answer may be among
 * the missing ones and the reply rate depends on it.
 */
final class CreatorCrawl {
    static final int MAX_COMMENT_PAGES = 5;
    static final int MAX_REPLY_PAGES = 2;

    private final CrawlRun run;

    CreatorCrawl(CrawlRun run) {
        this.run = run;
    }

    /**
     * Resolves each account to its channel and emits the channels' accounts; returns the ids of the stored channels
     * in the order of the accounts, each once.
     */
    List<String> resolve(List<String> accounts) {
        Map<String, ChannelRef> refs = new LinkedHashMap<>();
        for (String account : accounts) {
            ChannelRef ref = ChannelRef.parse(account);
            if (ref == null) {
                run.problem("account " + account + " names no YouTube channel; skipped");
            } else {
                refs.putIfAbsent(ref.key(), ref);
            }
        }
        List<String> ids = new ArrayList<>();
        for (ChannelRef ref : refs.values()) {
            if (ref.id() != null && !run.tasks.load(channelTask(ref.id())).finished() && !ids.contains(ref.id())) {
                ids.add(ref.id());
            }
        }
        for (int i = 0; i < ids.size(); i += DataApi.MAX_IDS) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + DataApi.MAX_IDS));
            byIds(batch);
        }
        for (ChannelRef ref : refs.values()) {
            if (ref.handle() != null) {
                byHandle(ref.handle());
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (ChannelRef ref : refs.values()) {
            String task = ref.id() != null ? channelTask(ref.id()) : handleTask(ref.handle());
            List<String> stored = run.tasks.load(task).emitted();
            if (!stored.isEmpty()) {
                out.add(stored.get(0));
            }
        }
        return List.copyOf(out);
    }

    /** The uploads since {@code since} (all, up to the post limit, when {@code null}) and their comment threads. */
    void content(String channelId, Instant since) {
        String playlist = run.tasks.load(channelTask(channelId)).cursor();
        if (playlist == null) {
            run.problem("channel " + channelId + " lists no uploads playlist; no posts fetched");
            return;
        }
        uploads(channelId, playlist, since);
        threads(channelId);
    }

    /** Remembers a channel fetched elsewhere (refresh, discovery) so that {@link #content} finds its playlist. */
    void remember(Channel c) {
        run.tasks.save(channelTask(c.id()), new CrawlCheckpoint(c.uploadsPlaylist(), true, 1, List.of(c.id())));
    }

    static String channelTask(String id) {
        return "channel:" + id;
    }

    private static String handleTask(String handle) {
        return "handle:" + new ChannelRef(null, handle).key();
    }

    private void byIds(List<String> batch) {
        List<Channel> found;
        try {
            found = run.api.channels(batch);
        } catch (ConnectorException e) {
            // the tasks stay open: the next run asks again
            run.problem("channels " + batch + ": " + e.getMessage());
            return;
        }
        Map<String, Channel> byId = new LinkedHashMap<>();
        for (Channel c : found) {
            byId.put(c.id(), c);
        }
        for (String id : batch) {
            Channel c = byId.get(id);
            if (c == null) {
                run.problem("channel " + id + " not found");
                run.tasks.save(channelTask(id), new CrawlCheckpoint(null, true, 1, List.of()));
                continue;
            }
            boolean stored = run.emitAccount(c);
            run.tasks.save(
                    channelTask(id),
                    new CrawlCheckpoint(c.uploadsPlaylist(), true, 1, stored ? List.of(id) : List.of()));
        }
    }

    private void byHandle(String handle) {
        String task = handleTask(handle);
        if (run.tasks.load(task).finished()) {
            return;
        }
        Channel c;
        try {
            c = run.api.channelByHandle(handle);
        } catch (ConnectorException e) {
            run.problem("handle @" + handle + ": " + e.getMessage());
            return;
        }
        if (c == null) {
            run.problem("handle @" + handle + " not found");
            run.tasks.save(task, new CrawlCheckpoint(null, true, 1, List.of()));
            return;
        }
        CrawlCheckpoint known = run.tasks.load(channelTask(c.id()));
        boolean stored;
        if (known.finished()) {
            stored = !known.emitted().isEmpty(); // the same channel was also named by its id: emitted once
        } else {
            stored = run.emitAccount(c);
            run.tasks.save(
                    channelTask(c.id()),
                    new CrawlCheckpoint(c.uploadsPlaylist(), true, 1, stored ? List.of(c.id()) : List.of()));
        }
        run.tasks.save(task, new CrawlCheckpoint(null, true, 1, stored ? List.of(c.id()) : List.of()));
    }

    private void uploads(String channelId, String playlist, Instant since) {
        String task = "uploads:" + channelId;
        String pendingTask = "uploads-page:" + channelId;
        CrawlCheckpoint cp = run.tasks.load(task);
        Set<String> emitted = new LinkedHashSet<>(cp.emitted());
        Set<String> sent = new HashSet<>();
        int max = run.options.maxPostsPerAccount();
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished() || emitted.size() >= max;
        while (!finished) {
            CrawlCheckpoint pending = run.tasks.load(pendingTask);
            List<String> fresh;
            String next;
            boolean last;
            if (pending.pages() == pages + 1 && !pending.emitted().isEmpty()) {
                // this page was read before a stop, its videos not yet: ask for the videos, not for the page again
                fresh = pending.emitted();
                next = pending.cursor();
                last = pending.finished();
            } else {
                Page<Upload> page;
                try {
                    page = run.api.uploads(playlist, max - emitted.size(), cursor);
                } catch (ConnectorException e) {
                    if (e.status() != 404) {
                        throw e; // transient trouble that outlived the retries: the task stays open for the next run
                    }
                    // a channel without public uploads, or one closed since: asking again would get the same answer
                    run.problem(task + ": uploads playlist " + playlist + " not found (" + DataApi.reason(e) + ")");
                    run.tasks.save(task, new CrawlCheckpoint(cursor, true, pages, List.copyOf(emitted)));
                    return;
                }
                fresh = new ArrayList<>();
                boolean reachedKnown = false;
                int unavailable = 0;
                for (Upload u : page.items()) {
                    if (since != null
                            && u.publishedAt() != null
                            && !u.publishedAt().isAfter(since)) {
                        reachedKnown = true; // the playlist is newest first: everything from here on is stored
                        break;
                    }
                    if (u.publishedAt() == null) {
                        unavailable++;
                    } else if (!emitted.contains(u.videoId())
                            && !fresh.contains(u.videoId())
                            && emitted.size() + fresh.size() < max) {
                        fresh.add(u.videoId());
                    }
                }
                if (unavailable > 0) {
                    run.problem(task + ": " + unavailable + " deleted or private video(s) skipped");
                }
                next = page.nextPageToken();
                last = reachedKnown || next == null || page.items().isEmpty();
                if (!fresh.isEmpty()) {
                    run.tasks.save(pendingTask, new CrawlCheckpoint(next, last, pages + 1, fresh));
                }
            }
            List<String> withComments = new ArrayList<>();
            if (!fresh.isEmpty()) {
                List<Post> posts = run.api.videos(fresh);
                for (Post p : posts) {
                    run.emit(p);
                    emitted.add(p.platformId());
                    if (p.comments() == null || p.comments() > 0) {
                        withComments.add(p.platformId());
                    }
                }
                if (posts.size() < fresh.size()) {
                    run.problem(
                            task + ": " + (fresh.size() - posts.size()) + " video(s) listed but no longer available");
                }
            }
            if (!withComments.isEmpty()) {
                String threadsTask = "threads:" + channelId;
                Set<String> candidates =
                        new LinkedHashSet<>(run.tasks.load(threadsTask).emitted());
                candidates.addAll(withComments);
                run.tasks.save(threadsTask, new CrawlCheckpoint(null, true, 0, List.copyOf(candidates)));
            }
            sent.add(cursor);
            pages++;
            finished = last || emitted.size() >= max || repeated(task, next, sent);
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
            cursor = next;
        }
    }

    private void threads(String channelId) {
        List<String> candidates = run.tasks.load("threads:" + channelId).emitted();
        int n = Math.min(run.options.maxThreadsPerAccount(), candidates.size());
        for (int i = 0; i < n; i++) {
            comments(candidates.get(i));
        }
    }

    private void comments(String videoId) {
        String task = "comments:" + videoId;
        CrawlCheckpoint cp = run.tasks.load(task);
        Set<String> emitted = new LinkedHashSet<>(cp.emitted());
        Set<String> sent = new HashSet<>();
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished();
        while (!finished) {
            CommentPage page;
            try {
                page = run.api.commentThreads(videoId, cursor);
            } catch (ConnectorException e) {
                String reason = DataApi.reason(e);
                if (e.status() == 403 && "commentsDisabled".equals(reason)) {
                    run.problem("video " + videoId + ": comments are disabled");
                } else if (e.status() == 404) {
                    run.problem("video " + videoId + " not found for its comments (" + reason + ")");
                } else {
                    throw e; // transient trouble that outlived the retries: the task stays open for the next run
                }
                run.tasks.save(task, new CrawlCheckpoint(null, true, pages, List.copyOf(emitted)));
                return;
            }
            for (Comment c : page.comments()) {
                if (emitted.add(c.platformId())) {
                    run.emit(c);
                }
            }
            if (page.unreadable() > 0) {
                run.problem(task + ": " + page.unreadable() + " comment(s) without author or date skipped");
            }
            if (!page.incomplete().isEmpty()) {
                String repliesTask = "replies-of:" + videoId;
                Set<String> parents =
                        new LinkedHashSet<>(run.tasks.load(repliesTask).emitted());
                parents.addAll(page.incomplete());
                run.tasks.save(repliesTask, new CrawlCheckpoint(null, true, 0, List.copyOf(parents)));
            }
            sent.add(cursor);
            String next = page.nextPageToken();
            pages++;
            finished = next == null
                    || (page.comments().isEmpty() && page.unreadable() == 0)
                    || pages >= MAX_COMMENT_PAGES
                    || repeated(task, next, sent);
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
            cursor = next;
        }
        for (String parent : run.tasks.load("replies-of:" + videoId).emitted()) {
            replies(videoId, parent, emitted);
        }
    }

    /** The replies a thread did not carry: {@code comments.list} pages, skipping the replies already emitted. */
    private void replies(String videoId, String parentId, Set<String> inThreads) {
        String task = "replies:" + parentId;
        CrawlCheckpoint cp = run.tasks.load(task);
        Set<String> emitted = new LinkedHashSet<>(cp.emitted());
        Set<String> sent = new HashSet<>();
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished();
        while (!finished) {
            Page<Comment> page;
            try {
                page = run.api.replies(videoId, parentId, cursor);
            } catch (ConnectorException e) {
                if (e.status() != 404) {
                    throw e;
                }
                run.problem("comment " + parentId + " not found for its replies (deleted since?)");
                run.tasks.save(task, new CrawlCheckpoint(null, true, pages, List.copyOf(emitted)));
                return;
            }
            for (Comment c : page.items()) {
                if (!inThreads.contains(c.platformId()) && emitted.add(c.platformId())) {
                    run.emit(c);
                }
            }
            sent.add(cursor);
            String next = page.nextPageToken();
            pages++;
            finished = next == null || page.items().isEmpty() || pages >= MAX_REPLY_PAGES || repeated(task, next, sent);
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
            cursor = next;
        }
    }

    private boolean repeated(String task, String next, Set<String> sent) {
        if (sent.contains(next)) {
            run.problem(task + ": the page token " + next + " came back; stopped paging instead of looping");
            return true;
        }
        return false;
    }
}
