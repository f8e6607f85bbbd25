package io.microreach.niches;

/** Assigns a content embedding a confidence for every niche. */
public interface NicheClassifier {
    /** Identifies the classifier and what it was built from; stored with the results. */
    String id();

    NicheScores classify(float[] vector);
}
