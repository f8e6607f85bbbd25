package io.microreach.niches;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A training example of the supervised layer: a content embedding, the text it was computed from (empty where only
 * the vector is known; the lexical part of a model reads it), and the niches it is known to belong to and known not to
 * belong to (niches in neither set are unknown and not used for that niche's model).
 */
public record LabelledVector(float[] vector, String text, Set<String> positives, Set<String> negatives) {
    public LabelledVector {
        text = text == null ? "" : text;
        positives = Set.copyOf(positives);
        negatives = Set.copyOf(negatives);
    }

    /** An example whose text is not known (e.g. a stored vector). */
    public LabelledVector(float[] vector, Set<String> positives, Set<String> negatives) {
        this(vector, "", positives, negatives);
    }

    /** A fully labelled example with its text: every niche not listed is a negative. */
    public static LabelledVector complete(float[] vector, String text, Set<String> labels, NicheTaxonomy taxonomy) {
        Set<String> negatives = new HashSet<>(taxonomy.ids());
        negatives.removeAll(labels);
        return new LabelledVector(vector, text, labels, negatives);
    }

    /** A fully labelled example (a labelled file's row): every niche not listed is a negative. */
    public static LabelledVector complete(float[] vector, Set<String> labels, NicheTaxonomy taxonomy) {
        Set<String> negatives = new HashSet<>(taxonomy.ids());
        negatives.removeAll(labels);
        return new LabelledVector(vector, labels, negatives);
    }

    /**
     * An example from a user's corrections of one account ({@code niche → assigned}). Explicit statements count as
     * given. When the user assigned at least one niche, the niches they did not mention count as negatives too: a user
     * who corrects a creator to "fitness" is saying what the creator is about. Corrections that only remove niches say
     * nothing about the others.
     */
    public static LabelledVector fromCorrections(
            float[] vector, Map<String, Boolean> corrections, NicheTaxonomy taxonomy) {
        Set<String> positives = new HashSet<>();
        Set<String> negatives = new HashSet<>();
        corrections.forEach((niche, assigned) -> (assigned ? positives : negatives).add(niche));
        if (!positives.isEmpty()) {
            for (String id : taxonomy.ids()) {
                if (!positives.contains(id)) {
                    negatives.add(id);
                }
            }
        }
        return new LabelledVector(vector, positives, negatives);
    }
}
