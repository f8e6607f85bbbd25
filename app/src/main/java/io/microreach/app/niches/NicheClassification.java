package io.microreach.app.niches;

import io.microreach.niches.ContentText;
import io.microreach.niches.NicheClassifier;
import io.microreach.niches.NicheScores;
import io.microreach.niches.TextEmbedder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Classifies accounts in chunks: build each account's content text, embed only those whose content hash or embedder
 * changed (the others reuse the stored vector), classify, and store embeddings and model niches in one transaction per
 * chunk with batched statements. Corrections are kept and win (see {@link NicheStore#replaceModelNiches}).
 */
@Service
public class NicheClassification {
    static final int CHUNK = 1000;

    /** Progress callback: accounts done of total. */
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void update(long done, long total);
    }

    private final NicheStore store;
    private final NicheModels models;
    private final TextEmbedder embedder;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    NicheClassification(
            NicheStore store,
            NicheModels models,
            TextEmbedder embedder,
            TransactionTemplate tx,
            ApplicationEventPublisher events) {
        this.store = store;
        this.models = models;
        this.embedder = embedder;
        this.tx = tx;
        this.events = events;
    }

    /** Every stored account. */
    public ClassificationReport classifyAll(Progress progress) {
        return classify(store.allAccountIds(), progress);
    }

    /**
     * Every stored account, as a job of its own ({@code classify}): then announces {@link NichesReclassified} so the
     * search index follows.
     */
    public ClassificationReport reclassifyAll(Progress progress) {
        ClassificationReport report = classifyAll(progress);
        events.publishEvent(new NichesReclassified(report.accounts()));
        return report;
    }

    public ClassificationReport classify(List<Long> ids, Progress progress) {
        Instant started = Instant.now();
        NicheClassifier classifier = models.current();
        int embedded = 0;
        int reused = 0;
        int unclear = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, String> texts = store.contentTexts(chunk);
            Map<Long, NicheStore.StoredEmbedding> stored = store.embeddings(chunk);
            List<Long> order = new ArrayList<>(texts.keySet());
            List<Long> toEmbed = new ArrayList<>();
            List<String> toEmbedTexts = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            for (Long id : order) {
                byte[] hash = ContentText.hash(texts.get(id));
                hashes.add(hash);
                NicheStore.StoredEmbedding s = stored.get(id);
                if (s != null && s.model().equals(embedder.modelId()) && Arrays.equals(s.contentHash(), hash)) {
                    vectors.add(s.vector());
                } else {
                    vectors.add(null);
                    toEmbed.add(id);
                    toEmbedTexts.add(texts.get(id));
                }
            }
            List<float[]> fresh = embedder.embedAll(toEmbedTexts);
            List<NicheStore.Embedded> newRows = new ArrayList<>();
            for (int i = 0, k = 0; i < order.size(); i++) {
                if (vectors.get(i) == null) {
                    vectors.set(i, fresh.get(k++));
                    newRows.add(
                            new NicheStore.Embedded(order.get(i), embedder.modelId(), hashes.get(i), vectors.get(i)));
                }
            }
            List<NicheStore.Classified> classified = new ArrayList<>(order.size());
            for (int i = 0; i < order.size(); i++) {
                NicheScores scores = classifier.classify(vectors.get(i), texts.get(order.get(i)));
                unclear += scores.unclear() ? 1 : 0;
                classified.add(new NicheStore.Classified(order.get(i), scores.scores()));
            }
            Map<Long, Map<String, Boolean>> corrections = store.corrections(chunk);
            Instant now = Instant.now();
            tx.executeWithoutResult(status -> {
                store.saveEmbeddings(newRows, now);
                store.replaceModelNiches(classified, corrections, now);
            });
            embedded += newRows.size();
            reused += order.size() - newRows.size();
            progress.update(from + chunk.size(), ids.size());
        }
        return new ClassificationReport(
                embedded + reused,
                embedded,
                reused,
                unclear,
                classifier.id(),
                Duration.between(started, Instant.now()));
    }
}
