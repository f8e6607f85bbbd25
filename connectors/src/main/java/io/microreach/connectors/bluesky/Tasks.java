package io.microreach.connectors.bluesky;

import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.connectors.CrawlStateStore;

/** The crawl state of the Bluesky source: every task's checkpoint under the source id {@code bluesky}. */
final class Tasks {
    private final CrawlStateStore store;

    Tasks(CrawlStateStore store) {
        this.store = store;
    }

    CrawlCheckpoint load(String task) {
        return store.load(BlueskyConnector.SOURCE, task).orElse(CrawlCheckpoint.START);
    }

    void save(String task, CrawlCheckpoint checkpoint) {
        store.save(BlueskyConnector.SOURCE, task, checkpoint);
    }
}
