package io.microreach.app.niches;

import io.microreach.niches.LabelledVector;
import io.microreach.niches.NicheClassifier;
import io.microreach.niches.NicheTaxonomy;
import io.microreach.niches.SupervisedNicheClassifier;
import io.microreach.niches.TextEmbedder;
import io.microreach.niches.ZeroShotNicheClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the classifier in use: the shipped model (trained on public Reddit titles, docs/niches.md) where one exists for
 * the embedder, else zero-shot; once users have corrected niches, the supervised layer trained on the corrections
 * (accounts whose embedding by the current embedder is stored) answers for the niches with enough corrections and the
 * shipped model or zero-shot for the rest. Retrained when the corrections change; training on corrections is cheap
 * next to embedding, so no model file is written.
 */
@Component
class NicheModels {
    private static final Logger log = LoggerFactory.getLogger(NicheModels.class);

    private final NicheTaxonomy taxonomy;
    private final TextEmbedder embedder;
    private final NicheStore store;
    private ZeroShotNicheClassifier zeroShot;
    private NicheClassifier uncorrected;
    private NicheClassifier current;
    private String trainedOn;

    NicheModels(NicheTaxonomy taxonomy, TextEmbedder embedder, NicheStore store) {
        this.taxonomy = taxonomy;
        this.embedder = embedder;
        this.store = store;
    }

    synchronized ZeroShotNicheClassifier zeroShot() {
        if (zeroShot == null) {
            zeroShot = ZeroShotNicheClassifier.build(taxonomy, embedder);
        }
        return zeroShot;
    }

    /** The shipped model for the embedder, or zero-shot where none is shipped. */
    synchronized NicheClassifier uncorrected() {
        if (uncorrected == null) {
            uncorrected = SupervisedNicheClassifier.shipped(zeroShot())
                    .<NicheClassifier>map(m -> m)
                    .orElseGet(this::zeroShot);
        }
        return uncorrected;
    }

    /** The classifier for the current corrections, retrained if they changed since the last call. */
    synchronized NicheClassifier current() {
        String version = store.correctionsVersion();
        if (current == null || !version.equals(trainedOn)) {
            current = train();
            trainedOn = version;
        }
        return current;
    }

    private NicheClassifier train() {
        Map<Long, Map<String, Boolean>> corrections = store.allCorrections();
        if (corrections.isEmpty()) {
            return uncorrected();
        }
        Map<Long, float[]> vectors = store.vectors(new ArrayList<>(corrections.keySet()), embedder.modelId());
        List<LabelledVector> data = new ArrayList<>();
        corrections.forEach((id, c) -> {
            float[] v = vectors.get(id);
            if (v != null) {
                data.add(LabelledVector.fromCorrections(v, c, taxonomy));
            }
        });
        SupervisedNicheClassifier model = SupervisedNicheClassifier.train(zeroShot(), uncorrected(), data, 42);
        log.info(
                "Niche classifier retrained on {} corrected accounts; supervised niches: {}",
                data.size(),
                model.trainedNiches());
        return model;
    }
}
