package io.microreach.connectors;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CrawlStateStore} that lives as long as the object: resumes within one process, forgets at exit. */
public final class InMemoryCrawlStateStore implements CrawlStateStore {
    private final Map<String, CrawlCheckpoint> checkpoints = new ConcurrentHashMap<>();

    @Override
    public Optional<CrawlCheckpoint> load(String source, String task) {
        return Optional.ofNullable(checkpoints.get(key(source, task)));
    }

    @Override
    public void save(String source, String task, CrawlCheckpoint checkpoint) {
        checkpoints.put(key(source, task), checkpoint);
    }

    private static String key(String source, String task) {
        return source + '\u0000' + task;
    }
}
