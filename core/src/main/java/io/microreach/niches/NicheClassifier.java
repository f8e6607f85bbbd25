package io.microreach.niches;

/** Assigns a content embedding a confidence for every niche. */
public interface NicheClassifier {
    /** Identifies the classifier and what it was built from; stored with the results. */
    String id();

    NicheScores classify(float[] vector);

    /**
     * Classifies a content embedding with the text it was computed from: classifiers that also read the words (the
     * shipped model, {@link SupervisedNicheClassifier#readsWords()}) use it, the others ignore it.
     */
    default NicheScores classify(float[] vector, String text) {
        return classify(vector);
    }
}
