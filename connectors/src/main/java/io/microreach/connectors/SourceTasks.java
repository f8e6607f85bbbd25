package io.microreach.connectors;

/**
 * The crawl state of one source: every task's checkpoint under the source's id, with a task that was never started
 * reading as {@link CrawlCheckpoint#START}.
 */
public final class SourceTasks {
    private final String source;
    private final CrawlStateStore store;

    public SourceTasks(String source, CrawlStateStore store) {
        this.source = source;
        this.store = store;
    }

    public CrawlCheckpoint load(String task) {
        return store.load(source, task).orElse(CrawlCheckpoint.START);
    }

    public void save(String task, CrawlCheckpoint checkpoint) {
        store.save(source, task, checkpoint);
    }
}
