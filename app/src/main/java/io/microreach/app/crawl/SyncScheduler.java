package io.microreach.app.crawl;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts each source's sync when its interval (set on the Sources page) has passed since the last completed one.
 * Checks once a minute; a sync still running is left alone. Runs in the server only ({@code microreach.sync.enabled},
 * off for command-line runs), so a one-off command never starts a background sync.
 */
@Component
@ConditionalOnProperty(name = "microreach.sync.enabled", havingValue = "true", matchIfMissing = true)
class SyncScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private final SourceSettings settings;
    private final CrawlService crawls;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "microreach-sync-scheduler");
        t.setDaemon(true);
        return t;
    });

    SyncScheduler(SourceSettings settings, CrawlService crawls) {
        this.settings = settings;
        this.crawls = crawls;
    }

    @EventListener(ApplicationReadyEvent.class)
    void begin() {
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.MINUTES);
    }

    void tick() {
        try {
            for (Source s : settings.due()) {
                boolean busy =
                        crawls.recent(s, 5).stream().anyMatch(r -> r.kind().equals("sync") && r.active());
                if (busy) {
                    continue;
                }
                try {
                    CrawlRunView run = crawls.start(CrawlRequest.sync(s));
                    LOG.info("scheduled sync of {} started as run {}", s.id(), run.id());
                } catch (SourceProblem e) {
                    LOG.warn("scheduled sync of {} cannot start: {}", s.id(), e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("sync scheduler: {}", e.getMessage(), e);
        }
    }

    @PreDestroy
    void end() {
        timer.shutdownNow();
    }
}
